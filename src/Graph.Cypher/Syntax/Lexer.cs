using System.Globalization;
using System.Text;

namespace Graph.Cypher.Syntax;

/// <summary>Turns query text into tokens; keywords stay identifiers and the parser recognises them.</summary>
internal sealed class Lexer(string text)
{
    private static readonly string[] Symbols =
    [
        "..", "<>", "!=", "<=", ">=", "=~", "+=", "->", "<-", "--", "||", "::", "!", "&",
        "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "|", "+", "-", "*", "/", "%", "^", "=", "<", ">", "$",
    ];

    public const string UnicodeDashes = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D\u00AD";

    private int pos;

    public static List<Token> Tokenize(string text) => new Lexer(text).Run();

    private List<Token> Run()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipTrivia();
            if (pos >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length, 0));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private void SkipTrivia()
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (char.IsWhiteSpace(c))
            {
                pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("Unterminated comment", pos);
                }

                pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int ahead) => pos + ahead < text.Length ? text[pos + ahead] : '\0';

    private CypherException Error(string message, int at) =>
        new("SyntaxError", "UnexpectedSyntax", message, Positions.Of(text, at));

    private Token Next()
    {
        var start = pos;
        var c = text[pos];
        if (char.IsLetter(c) || c == '_')
        {
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }

            return new Token(TokenKind.Identifier, text[start..pos], start, pos - start);
        }

        if (c == '`')
        {
            var sb = new StringBuilder();
            pos++;
            while (true)
            {
                if (pos >= text.Length)
                {
                    throw Error("Unterminated escaped identifier", start);
                }

                if (text[pos] == '`')
                {
                    if (Peek(1) == '`')
                    {
                        sb.Append('`');
                        pos += 2;
                        continue;
                    }

                    pos++;
                    break;
                }

                sb.Append(text[pos++]);
            }

            return new Token(TokenKind.EscapedIdentifier, sb.ToString(), start, pos - start);
        }

        if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(1))))
        {
            return Number(start);
        }

        if (c is '\'' or '"')
        {
            return StringLiteral(start, c);
        }

        if (c == '$')
        {
            pos++;
            var nameStart = pos;
            if (pos < text.Length && text[pos] == '`')
            {
                var escaped = Next();
                return new Token(TokenKind.Parameter, escaped.Text, start, pos - start);
            }

            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }

            if (pos == nameStart && pos < text.Length && text[pos] == '(')
            {
                // "$(expr)": a dynamic label or type, not a parameter.
                return new Token(TokenKind.Symbol, "$", start, 1);
            }

            if (pos == nameStart)
            {
                throw Error("Expected a parameter name after '$'", start);
            }

            return new Token(TokenKind.Parameter, text[nameStart..pos], start, pos - start);
        }

        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(text, pos, symbol, 0, symbol.Length) == 0)
            {
                // "<--" must lex as "<-" "-" and "-->" as "--" ">" which the parser handles; nothing special here.
                pos += symbol.Length;
                return new Token(TokenKind.Symbol, symbol, start, symbol.Length);
            }
        }

        // Unicode dashes are accepted in patterns only (the parser refuses them as minus); arrows likewise.
        if (UnicodeDashes.Contains(c))
        {
            pos++;
            return new Token(TokenKind.Symbol, c.ToString(), start, 1);
        }

        if ("\u27E8\u3008\uFE64\uFF1C".Contains(c))
        {
            pos++;
            return new Token(TokenKind.Symbol, "<", start, 1);
        }

        if ("\u27E9\u3009\uFE65\uFF1E".Contains(c))
        {
            pos++;
            return new Token(TokenKind.Symbol, ">", start, 1);
        }

        throw Error($"Unexpected character '{c}'", start);
    }

    private Token Number(int start)
    {
        if (text[pos] == '0' && (Peek(1) is 'x' or 'X'))
        {
            pos += 2;
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }

            return new Token(TokenKind.Integer, text[start..pos], start, pos - start);
        }

        var isFloat = false;
        while (pos < text.Length && char.IsDigit(text[pos]))
        {
            pos++;
        }

        if (pos < text.Length && text[pos] == '.' && char.IsDigit(Peek(1)))
        {
            isFloat = true;
            pos++;
            while (pos < text.Length && char.IsDigit(text[pos]))
            {
                pos++;
            }
        }

        if (pos < text.Length && (text[pos] is 'e' or 'E') &&
            (char.IsDigit(Peek(1)) || (Peek(1) is '-' or '+' && char.IsDigit(Peek(2)))))
        {
            isFloat = true;
            pos += 2;
            while (pos < text.Length && char.IsDigit(text[pos]))
            {
                pos++;
            }
        }

        // Trailing letters ("123abc", "0o7" is octal) are kept so that the parser can report InvalidNumberLiteral.
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return new Token(isFloat ? TokenKind.Float : TokenKind.Integer, text[start..pos], start, pos - start);
    }

    private Token StringLiteral(int start, char quote)
    {
        var sb = new StringBuilder();
        pos++;
        while (true)
        {
            if (pos >= text.Length)
            {
                throw Error("Unterminated string literal", start);
            }

            var c = text[pos++];
            if (c == quote)
            {
                break;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (pos >= text.Length)
            {
                throw Error("Unterminated string literal", start);
            }

            var e = text[pos++];
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'u' or 'U':
                    var digits = e == 'u' ? 4 : 8;
                    if (pos + digits > text.Length ||
                        !int.TryParse(text.AsSpan(pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new CypherException("SyntaxError", "InvalidUnicodeLiteral", "Invalid unicode escape",
                            Positions.Of(text, pos - 2));
                    }

                    sb.Append(char.ConvertFromUtf32(code));
                    pos += digits;
                    break;
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }

        return new Token(TokenKind.String, sb.ToString(), start, pos - start);
    }
}

internal static class Positions
{
    public static CypherPosition Of(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new CypherPosition(offset, line, column);
    }
}
