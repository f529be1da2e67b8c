namespace Graph.Cypher.Syntax;

internal enum TokenKind
{
    Identifier,
    EscapedIdentifier,
    Integer,
    Float,
    String,
    Parameter,
    Symbol,
    End,
}

/// <summary>One lexical token; <see cref="Text"/> is the decoded value (string contents, symbol spelling).</summary>
internal sealed record Token(TokenKind Kind, string Text, int Offset, int Length)
{
    public bool IsSymbol(string s) => Kind == TokenKind.Symbol && Text == s;

    public bool IsKeyword(string k) => Kind == TokenKind.Identifier && string.Equals(Text, k, StringComparison.OrdinalIgnoreCase);
}
