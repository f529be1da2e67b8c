using System.Net;
using System.Text.Json;

namespace Graph.Neo4j.QueryApi;

/// <summary>One parsed Query API answer: the result, and the transaction it belongs to when explicit.</summary>
internal sealed record QueryApiResponse(QueryResult Result, string? TransactionId, string? Affinity)
{
    private static readonly QueryResult Empty = new([], [], new Dictionary<string, object?>(), [], []);

    public static QueryApiResponse Parse(QueryApiClient client, HttpStatusCode status, string text, string? affinity)
    {
        JsonDocument? document = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(text)) document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): reported below with the HTTP status.
        }

        using (document)
        {
            var root = document?.RootElement;
            // Errors may arrive with any status, including 202 when they happen after streaming began.
            if (root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString() : null;
                throw client.ErrorFor(status, code ?? "Neo.DatabaseError.General.UnknownError", message);
            }
            if ((int)status is < 200 or >= 300)
                throw client.ErrorFor(status, null, document is null ? Truncate(text) : null);
            if (root is not { ValueKind: JsonValueKind.Object } body) return new QueryApiResponse(Empty, null, affinity);

            var result = new QueryResult(Fields(body), Rows(body), Counters(body), Strings(body, "bookmarks"), Notifications(body));
            var transactionId = body.TryGetProperty("transaction", out var t) && t.ValueKind == JsonValueKind.Object
                && t.TryGetProperty("id", out var id) ? id.GetString() : null;
            return new QueryApiResponse(result, transactionId, affinity);
        }
    }

    private static string? Truncate(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= 200 ? text.Trim() : text[..200].Trim() + "…";

    private static List<string> Fields(JsonElement body) =>
        body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Strings(data, "fields") : [];

    private static List<IReadOnlyList<object?>> Rows(JsonElement body)
    {
        var rows = new List<IReadOnlyList<object?>>();
        if (!body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            return rows;
        foreach (var row in values.EnumerateArray())
        {
            // One array per row; a bare value is a one-column row.
            rows.Add(row.ValueKind == JsonValueKind.Array ? row.EnumerateArray().Select(TypedJson.Read).ToList() : [TypedJson.Read(row)]);
        }
        return rows;
    }

    private static Dictionary<string, object?> Counters(JsonElement body)
    {
        var counters = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (body.TryGetProperty("counters", out var c) && c.ValueKind == JsonValueKind.Object)
            foreach (var p in c.EnumerateObject()) counters[p.Name] = TypedJson.Read(p.Value);
        return counters;
    }

    private static List<QueryNotification> Notifications(JsonElement body)
    {
        var list = new List<QueryNotification>();
        if (!body.TryGetProperty("notifications", out var n) || n.ValueKind != JsonValueKind.Array) return list;
        foreach (var item in n.EnumerateArray())
            list.Add(new QueryNotification(Text(item, "code"), Text(item, "severity"), Text(item, "title"), Text(item, "description")));
        return list;
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static List<string> Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(s => s.GetString() ?? "").ToList()
            : [];
}
