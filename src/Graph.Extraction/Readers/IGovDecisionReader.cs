using System.Text;
using System.Text.Json;
using Graph.Model;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads a General Assembly decision record of the UN IGov decisions service (JSON: ED_DecisionNumber,
/// ED_Title, ED_AgendaItem, ED_DecisionText …) and lays it out as the decision is printed in the
/// Official Records: heading "Decision 77/573. Title", the agenda item, then the text. Inline
/// "(Footnote: …)" notes become numbered footnotes.
/// </summary>
internal static class IGovDecisionReader
{
    public static SourceText Read(string fileName, string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return FileReader.Unreadable(fileName, "json-invalid", $"The JSON is not valid: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ED_DecisionNumber", out var numberElement) || numberElement.ValueKind != JsonValueKind.String)
            return FileReader.Unreadable(fileName, "json-unknown", "The JSON is not an IGov decision record (no ED_DecisionNumber).");

        var number = numberElement.GetString()!.Trim();
        var sb = new StringBuilder();
        var division = String(root, "ED_Division");
        sb.Append(division == "GA" || division is null ? "General Assembly" : division).Append("\n\n");
        var session = String(root, "ED_Session");
        if (session is not null) sb.Append(session).Append("\n\n");
        var agenda = String(root, "ED_AgendaItem");
        if (!string.IsNullOrWhiteSpace(agenda)) sb.Append("Agenda item ").Append(agenda.Trim()).Append("\n\n");
        var title = Collapse(String(root, "ED_Title") ?? "");
        sb.Append("Decision ").Append(number).Append(". ").Append(title).Append("\n\n");

        var footnotes = new List<string>();
        var body = String(root, "ED_DecisionText") ?? "";
        sb.Append(ExtractFootnotes(body, footnotes)).Append("\n\n");
        if (footnotes.Count > 0)
        {
            sb.Append("__________\n");
            for (var k = 0; k < footnotes.Count; k++) sb.Append(Superscript.From(k + 1)).Append(' ').Append(footnotes[k]).Append("\n\n");
        }
        var symbol = number.Contains('/', StringComparison.Ordinal) ? "A/DEC/" + number : null;
        var result = new SourceText(sb.ToString(), "application/json") { DeclaredSymbol = symbol };
        if (symbol is null) result.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "json-number", $"Decision number '{number}' is not of the form session/number.", fileName));
        return result;
    }

    private static string ExtractFootnotes(string body, List<string> footnotes)
    {
        var sb = new StringBuilder(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            var start = body.IndexOf("(Footnote:", i, StringComparison.OrdinalIgnoreCase);
            if (start < 0) { sb.Append(body, i, body.Length - i); break; }
            var close = body.IndexOf(')', start);
            var depth = 0;
            for (var k = start; k < body.Length; k++)
            {
                if (body[k] == '(') depth++;
                else if (body[k] == ')' && --depth == 0) { close = k; break; }
            }
            if (close < 0) { sb.Append(body, i, body.Length - i); break; }
            sb.Append(body, i, start - i).TrimEndSpaces();
            footnotes.Add(Collapse(body[(start + 10)..close]));
            sb.Append(Superscript.From(footnotes.Count));
            i = close + 1;
        }
        return sb.ToString();
    }

    private static StringBuilder TrimEndSpaces(this StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
