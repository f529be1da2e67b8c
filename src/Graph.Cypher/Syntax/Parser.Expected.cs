namespace Graph.Cypher.Syntax;

/// <summary>
/// What the parser would have accepted where it stopped, for Neo4j's syntax error message
/// (<c>Invalid input 'RETRUN': expected 'CALL', 'CREATE' or … (line 1, column 1 (offset: 0))</c>). Every keyword or
/// symbol tried at the current token and not found is remembered; moving on to a later token forgets them.
/// </summary>
internal sealed partial class Parser
{
    private int expectedAt = -1;
    private readonly List<string> expected = [];

    /// <summary>Notes that <paramref name="what"/> (a quoted keyword or symbol, or "an expression") would have fitted here.</summary>
    private void Expected(string what)
    {
        var offset = Current.Offset;
        if (offset > expectedAt)
        {
            expectedAt = offset;
            expected.Clear();
        }

        if (offset == expectedAt && !expected.Contains(what)) expected.Add(what);
    }

    private void ExpectedKeyword(string keyword) => Expected("'" + keyword.ToUpperInvariant() + "'");

    private void ExpectedSymbol(string symbol) => Expected("'" + symbol + "'");

    /// <summary>The message of a syntax error at the current token, with what would have been accepted there.</summary>
    private string UnexpectedMessage()
    {
        var found = Current.Kind == TokenKind.End ? "Unexpected end of input" : $"Invalid input '{Current.Text}'";
        var position = Positions.Of(text, Current.Offset);
        var where = $" (line {position.Line}, column {position.Column} (offset: {position.Offset}))";
        if (expectedAt != Current.Offset || expected.Count == 0) return found + where;
        // Words first (an expression, a variable name), then keywords and symbols, as Neo4j lists them.
        var ordered = expected.Where(e => !e.StartsWith('\'')).Concat(expected.Where(e => e.StartsWith('\'')).Order(StringComparer.Ordinal)).ToList();
        var list = ordered.Count == 1 ? ordered[0] : string.Join(", ", ordered.Take(ordered.Count - 1)) + " or " + ordered[^1];
        return $"{found}: expected {list}{where}";
    }
}
