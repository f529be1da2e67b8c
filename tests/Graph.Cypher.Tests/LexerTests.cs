using Graph.Cypher.Syntax;

namespace Graph.Cypher.Tests;

public sealed class LexerTests
{
    [Fact]
    public void DecodesStringEscapesAndBacktickIdentifiers()
    {
        var tokens = Lexer.Tokenize("RETURN 'it\\'s\\n\\u00e9' AS `my col`");
        Assert.Equal(TokenKind.String, tokens[1].Kind);
        Assert.Equal("it's\né", tokens[1].Text);
        Assert.Equal(TokenKind.EscapedIdentifier, tokens[3].Kind);
        Assert.Equal("my col", tokens[3].Text);
    }

    [Fact]
    public void SkipsCommentsAndKeepsOffsets()
    {
        var tokens = Lexer.Tokenize("MATCH // a comment\n(n) /* block */ RETURN n");
        Assert.Equal(["MATCH", "(", "n", ")", "RETURN", "n", ""], tokens.Select(t => t.Text));
        Assert.Equal(19, tokens[1].Offset);
    }

    [Fact]
    public void ReadsIntegersFloatsAndRanges()
    {
        var tokens = Lexer.Tokenize("1.5e3 0x1F 2..3");
        Assert.Equal([TokenKind.Float, TokenKind.Integer, TokenKind.Integer, TokenKind.Symbol, TokenKind.Integer],
            tokens.Take(5).Select(t => t.Kind));
        Assert.Equal("..", tokens[3].Text);
    }

    [Fact]
    public void UnterminatedStringIsASyntaxErrorAtItsStart()
    {
        var e = Assert.Throws<CypherException>(() => Lexer.Tokenize("RETURN 'abc"));
        Assert.Equal("SyntaxError", e.ErrorType);
        Assert.Equal(7, e.Position!.Offset);
    }
}
