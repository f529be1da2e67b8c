using System.Buffers;
using System.Globalization;
using System.Text;

namespace Graph.Store.Export;

/// <summary>
/// Makes a string cell safe to open in a spreadsheet. OWASP's CSV-injection rule: a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is read as a formula, so it gets a leading
/// single quote. Control characters other than line feed and tab (which paragraph text holds) are written as
/// <c>\uXXXX</c>, since they break line-based tools and mean nothing in UN documents. Only string cells pass
/// through here: a number in a typed column (<c>session:long</c> holding -1) stays a number for neo4j-admin.
/// </summary>
internal static class CsvCell
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static string Safe(string text) => Neutralise(EscapeControlCharacters(text));

    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    public static string EscapeControlCharacters(string text)
    {
        if (!text.AsSpan().ContainsAny(Controls)) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\n' or '\t' || !char.IsControl(c)) escaped.Append(c);
            else escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\n' or '\t'))]);
}
