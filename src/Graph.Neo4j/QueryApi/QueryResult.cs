namespace Graph.Neo4j.QueryApi;

/// <summary>Whether a query may write; routes reads to cluster readers.</summary>
public enum AccessMode
{
    Write,
    Read,
}

/// <summary>The answer to one statement: field names, rows of CLR values, update counters and bookmarks.</summary>
public sealed class QueryResult
{
    public QueryResult(
        IReadOnlyList<string> fields, IReadOnlyList<IReadOnlyList<object?>> rows,
        IReadOnlyDictionary<string, object?> counters, IReadOnlyList<string> bookmarks,
        IReadOnlyList<QueryNotification> notifications)
    {
        Fields = fields;
        Rows = rows;
        Counters = counters;
        Bookmarks = bookmarks;
        Notifications = notifications;
    }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>Update counters (<c>nodesCreated</c>, <c>containsUpdates</c>, ...) when the server reported them.</summary>
    public IReadOnlyDictionary<string, object?> Counters { get; }

    public IReadOnlyList<string> Bookmarks { get; }

    public IReadOnlyList<QueryNotification> Notifications { get; }

    /// <summary>The value of <paramref name="field"/> in row <paramref name="row"/>.</summary>
    public object? Get(int row, string field)
    {
        var index = IndexOf(field);
        return Rows[row][index];
    }

    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i] == field) return i;
        throw new KeyNotFoundException($"The result has no field '{field}' (fields: {string.Join(", ", Fields)}).");
    }

    /// <summary>A counter as a number, 0 when the server did not report it.</summary>
    public long Counter(string name) => Counters.TryGetValue(name, out var value) && value is long l ? l : 0;
}

/// <summary>A server notification (deprecation, performance hint).</summary>
public sealed record QueryNotification(string Code, string Severity, string Title, string Description);
