using System.Globalization;

namespace Graph.Cypher.Syntax;

internal sealed partial class Parser
{
    private Expr ParseExpression()
    {
        // The nesting guard bounds the recursion; the stack check turns a case it missed into an error, not a crash.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return ParseOr();
    }

    private Expr ParseOr()
    {
        var left = ParseXor();
        while (AtKeyword("OR"))
        {
            var at = Current.Offset;
            pos++;
            left = new BinaryExpr(at, "OR", left, ParseXor());
        }

        return left;
    }

    private Expr ParseXor()
    {
        var left = ParseAnd();
        while (AtKeyword("XOR"))
        {
            var at = Current.Offset;
            pos++;
            left = new BinaryExpr(at, "XOR", left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (AtKeyword("AND"))
        {
            var at = Current.Offset;
            pos++;
            left = new BinaryExpr(at, "AND", left, ParseNot());
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (AtKeyword("NOT"))
        {
            var at = Current.Offset;
            pos++;
            return new UnaryExpr(at, "NOT", ParseNot());
        }

        return ParseComparison();
    }

    private static readonly string[] ComparisonOperators = ["=", "<>", "!=", "<", ">", "<=", ">=", "=~"];

    private Expr ParseComparison()
    {
        var first = ParseStringListNull();
        var operands = new List<Expr> { first };
        var ops = new List<(string Op, int At)>();
        while (Current.Kind == TokenKind.Symbol && ComparisonOperators.Contains(Current.Text))
        {
            var op = Current.Text == "!=" ? "<>" : Current.Text;
            ops.Add((op, Current.Offset));
            pos++;
            operands.Add(ParseStringListNull());
        }

        if (ops.Count == 0)
        {
            return first;
        }

        Expr? result = null;
        for (var i = 0; i < ops.Count; i++)
        {
            var comparison = new BinaryExpr(ops[i].At, ops[i].Op, operands[i], operands[i + 1]);
            result = result is null ? comparison : new BinaryExpr(ops[i].At, "AND", result, comparison);
        }

        return result!;
    }

    private Expr ParseStringListNull()
    {
        var left = ParseAdd();
        while (true)
        {
            var at = Current.Offset;
            if (AtKeywords("STARTS", "WITH"))
            {
                pos += 2;
                left = new BinaryExpr(at, "STARTS", left, ParseAdd());
            }
            else if (AtKeywords("ENDS", "WITH"))
            {
                pos += 2;
                left = new BinaryExpr(at, "ENDS", left, ParseAdd());
            }
            else if (AtKeyword("CONTAINS"))
            {
                pos++;
                left = new BinaryExpr(at, "CONTAINS", left, ParseAdd());
            }
            else if (AtKeyword("IN"))
            {
                pos++;
                left = new BinaryExpr(at, "IN", left, ParseAdd());
            }
            else if ((AtKeyword("IS") && (PeekToken(1).IsSymbol("::") || (PeekToken(1).IsKeyword("NOT") && PeekToken(2).IsSymbol("::")))) || AtSymbol("::"))
            {
                var negated = false;
                if (TryKeyword("IS"))
                {
                    negated = TryKeyword("NOT");
                }

                ExpectSymbol("::");
                left = new TypePredicateExpr(at, left, ParseTypeUnion(), negated);
            }
            else if (TryNormalizedPredicate(left, at) is { } normalized)
            {
                left = normalized;
            }
            else if (AtKeywords("IS", "NULL"))
            {
                pos += 2;
                left = new IsNullExpr(at, left, Negated: false);
            }
            else if (AtKeywords("IS", "NOT", "NULL"))
            {
                pos += 3;
                left = new IsNullExpr(at, left, Negated: true);
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseAdd()
    {
        var left = ParseMultiply();
        while (true)
        {
            var at = Current.Offset;
            if (TrySymbol("+"))
            {
                left = new BinaryExpr(at, "+", left, ParseMultiply());
            }
            else if (TrySymbol("-"))
            {
                left = new BinaryExpr(at, "-", left, ParseMultiply());
            }
            else if (TrySymbol("||"))
            {
                left = new BinaryExpr(at, "||", left, ParseMultiply());
            }
            else if (Current.Kind == TokenKind.Symbol && Current.Text.Length == 1 && Lexer.UnicodeDashes.Contains(Current.Text[0]))
            {
                throw Error("InvalidUnicodeCharacter", $"'{Current.Text}' is not a minus sign; use '-'", Current.Offset);
            }
            else if (TrySymbol("--"))
            {
                // "a--b" is a minus followed by a negation.
                left = new BinaryExpr(at, "-", left, new UnaryExpr(at + 1, "-", ParseMultiply()));
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseMultiply()
    {
        var left = ParsePower();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "*" or "/" or "%")
        {
            var op = Current.Text;
            var at = Current.Offset;
            pos++;
            left = new BinaryExpr(at, op, left, ParsePower());
        }

        return left;
    }

    private Expr ParsePower()
    {
        var left = ParseUnary();
        while (AtSymbol("^"))
        {
            var at = Current.Offset;
            pos++;
            left = new BinaryExpr(at, "^", left, ParseUnary());
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var at = Current.Offset;
        if (TrySymbol("-"))
        {
            if (Current.Kind == TokenKind.Integer)
            {
                var token = tokens[pos++];
                return ParsePostfixOf(new LiteralExpr(at, ParseInteger(token.Text, token.Offset, this, negative: true)));
            }

            return new UnaryExpr(at, "-", ParseUnary());
        }

        if (TrySymbol("+"))
        {
            return new UnaryExpr(at, "+", ParseUnary());
        }

        return ParsePostfix();
    }

    private Expr ParsePostfix() => ParsePostfixOf(ParseAtom());

    private Expr ParsePostfixOf(Expr expression)
    {
        while (true)
        {
            var at = Current.Offset;
            if (AtSymbol(".") && PeekToken(1).Kind is TokenKind.Identifier or TokenKind.EscapedIdentifier)
            {
                pos++;
                expression = new PropertyExpr(at, expression, ExpectName());
            }
            else if (AtSymbol("["))
            {
                pos++;
                Expr? from = null;
                if (!AtSymbol(".."))
                {
                    from = ParseExpression();
                }

                if (TrySymbol(".."))
                {
                    Expr? to = AtSymbol("]") ? null : ParseExpression();
                    ExpectSymbol("]");
                    expression = new SliceExpr(at, expression, from, to);
                }
                else
                {
                    ExpectSymbol("]");
                    expression = new IndexExpr(at, expression, from!);
                }
            }
            else if (AtLabelTest())
            {
                expression = ParseLabelTest(expression, at);
            }
            else if (AtSymbol("{") && expression is VariableExpr variable)
            {
                expression = ParseMapProjection(variable);
            }
            else
            {
                return expression;
            }
        }
    }

    private MapProjectionExpr ParseMapProjection(VariableExpr variable)
    {
        ExpectSymbol("{");
        var items = new List<MapProjectionItem>();
        if (!AtSymbol("}"))
        {
            do
            {
                if (TrySymbol("."))
                {
                    if (TrySymbol("*"))
                    {
                        items.Add(new AllPropertiesSelector());
                    }
                    else
                    {
                        items.Add(new PropertySelector(ExpectName()));
                    }
                }
                else if (PeekToken(1).IsSymbol(":"))
                {
                    var key = ExpectName();
                    pos++;
                    items.Add(new LiteralEntry(key, ParseExpression()));
                }
                else
                {
                    items.Add(new VariableSelector(ExpectVariable()));
                }
            }
            while (TrySymbol(","));
        }

        ExpectSymbol("}");
        return new MapProjectionExpr(variable.Offset, variable.Name, items);
    }

    private Expr ParseAtom()
    {
        Expected("an expression");
        var token = Current;
        var at = token.Offset;
        switch (token.Kind)
        {
            case TokenKind.Integer:
                pos++;
                return new LiteralExpr(at, ParseInteger(token.Text, at, this, negative: false));
            case TokenKind.Float:
                pos++;
                if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    throw Error("InvalidNumberLiteral", "Invalid float literal", at);
                }

                if (double.IsInfinity(d))
                {
                    throw Error("FloatingPointOverflow", "Float literal too large", at);
                }

                return new LiteralExpr(at, d);
            case TokenKind.String:
                pos++;
                return new LiteralExpr(at, token.Text);
            case TokenKind.Parameter:
                pos++;
                return new ParameterExpr(at, token.Text);
            case TokenKind.EscapedIdentifier:
                pos++;
                return new VariableExpr(at, token.Text);
            case TokenKind.Symbol:
                return ParseSymbolAtom(token);
            case TokenKind.Identifier:
                return ParseIdentifierAtom(token);
            default:
                Expected("an expression");
                throw Unexpected();
        }
    }

    private Expr ParseSymbolAtom(Token token)
    {
        var at = token.Offset;
        if (token.Text == "[")
        {
            return ParseBracketAtom();
        }

        if (token.Text == "{")
        {
            return ParseMapLiteral();
        }

        if (token.Text == "(")
        {
            var saved = pos;
            if (TryParseRelationshipPattern() is { } pattern)
            {
                return new PatternExpr(at, pattern);
            }

            pos = saved;
            pos++;
            var inner = ParseExpression();
            ExpectSymbol(")");
            return inner;
        }

        Expected("an expression");
        throw Unexpected();
    }

    private static bool IsDash(Token token) =>
        token.Kind == TokenKind.Symbol && (token.Text == "-" || (token.Text.Length == 1 && Lexer.UnicodeDashes.Contains(token.Text[0])));

    private bool TryDash()
    {
        if (!IsDash(Current))
        {
            return false;
        }

        pos++;
        return true;
    }

    private PatternPart? TryParseRelationshipPattern()
    {
        try
        {
            var part = ParsePatternElement(null, Current.Offset);
            return part.Relationships.Count > 0 ? part : null;
        }
        catch (CypherException)
        {
            return null;
        }
    }

    private Expr ParseBracketAtom()
    {
        var at = Current.Offset;
        pos++;
        if (AtVariable() && PeekToken(1).IsKeyword("IN"))
        {
            var saved = pos;
            var variable = ExpectVariable();
            pos++;
            var source = ParseExpression();
            Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
            Expr? projection = TrySymbol("|") ? ParseExpression() : null;
            if (TrySymbol("]"))
            {
                return new ListComprehensionExpr(at, variable, source, where, projection);
            }

            pos = saved;
        }

        if (AtSymbol("(") || (AtVariable() && PeekToken(1).IsSymbol("=")))
        {
            var saved = pos;
            PatternPart? pattern = null;
            try
            {
                string? pathVariable = null;
                if (AtVariable())
                {
                    pathVariable = ExpectVariable();
                    pos++;
                }

                pattern = ParsePatternElement(pathVariable, at);
            }
            catch (CypherException)
            {
                pattern = null;
            }

            if (pattern is not null && (AtKeyword("WHERE") || AtSymbol("|")))
            {
                Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
                ExpectSymbol("|");
                var projection = ParseExpression();
                ExpectSymbol("]");
                return new PatternComprehensionExpr(at, pattern, where, projection);
            }

            pos = saved;
        }

        var items = new List<Expr>();
        if (!AtSymbol("]"))
        {
            items.Add(ParseExpression());
            while (TrySymbol(","))
            {
                items.Add(ParseExpression());
            }
        }

        ExpectSymbol("]");
        return new ListExpr(at, items);
    }

    private MapExpr ParseMapLiteral()
    {
        var at = Current.Offset;
        ExpectSymbol("{");
        var entries = new List<KeyValuePair<string, Expr>>();
        if (!AtSymbol("}"))
        {
            do
            {
                var key = ExpectName();
                ExpectSymbol(":");
                entries.Add(new(key, ParseExpression()));
            }
            while (TrySymbol(","));
        }

        ExpectSymbol("}");
        return new MapExpr(at, entries);
    }

    private Expr ParseIdentifierAtom(Token token)
    {
        var at = token.Offset;
        var name = token.Text;
        var upper = name.ToUpperInvariant();
        switch (upper)
        {
            case "TRUE":
                pos++;
                return new LiteralExpr(at, true);
            case "FALSE":
                pos++;
                return new LiteralExpr(at, false);
            case "NULL":
                pos++;
                return new LiteralExpr(at, null);
            case "CASE":
                pos++;
                return ParseCase(at);
            case "COUNT" when PeekToken(1).IsSymbol("(") && PeekToken(2).IsSymbol("*") && PeekToken(3).IsSymbol(")"):
                pos += 4;
                return new CountStarExpr(at);
            case "ALL" or "ANY" or "NONE" or "SINGLE" when PeekToken(1).IsSymbol("(") &&
                                                           PeekToken(2).Kind is TokenKind.Identifier or TokenKind.EscapedIdentifier &&
                                                           PeekToken(3).IsKeyword("IN"):
                {
                    pos += 2;
                    var variable = ExpectVariable();
                    ExpectKeyword("IN");
                    var source = ParseExpression();
                    Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
                    ExpectSymbol(")");
                    return new QuantifierExpr(at, upper, variable, source, where);
                }

            case "REDUCE" when PeekToken(1).IsSymbol("("):
                {
                    pos += 2;
                    var accumulator = ExpectVariable();
                    ExpectSymbol("=");
                    var initial = ParseExpression();
                    ExpectSymbol(",");
                    var variable = ExpectVariable();
                    ExpectKeyword("IN");
                    var source = ParseExpression();
                    ExpectSymbol("|");
                    var body = ParseExpression();
                    ExpectSymbol(")");
                    return new ReduceExpr(at, accumulator, initial, variable, source, body);
                }

            case "EXISTS" or "COUNT" when PeekToken(1).IsSymbol("{"):
                {
                    var counts = upper == "COUNT";
                    pos += 2;
                    var start = pos;
                    try
                    {
                        if (AtKeyword("MATCH"))
                        {
                            pos++;
                        }

                        var patterns = ParsePatternList();
                        Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
                        ExpectSymbol("}");
                        return new ExistsSubqueryExpr(at, patterns, where) { Counts = counts };
                    }
                    catch (CypherException)
                    {
                        // Not the simple form: a full query inside the braces.
                        pos = start;
                    }

                    var subquery = ParseQuery();
                    ExpectSymbol("}");
                    return new ExistsSubqueryExpr(at, [], null, subquery) { Counts = counts };
                }
        }

        if (TryParseCollectSubquery(token) is { } collect)
        {
            return collect;
        }

        // Function call, possibly namespaced: a.b.c(
        var lookahead = 1;
        var qualified = name;
        while (PeekToken(lookahead).IsSymbol(".") && PeekToken(lookahead + 1).Kind == TokenKind.Identifier)
        {
            qualified += "." + PeekToken(lookahead + 1).Text;
            lookahead += 2;
        }

        if (PeekToken(lookahead).IsSymbol("("))
        {
            pos += lookahead + 1;
            var distinct = TryKeyword("DISTINCT");
            var args = new List<Expr>();
            if (!AtSymbol(")"))
            {
                args.Add(ParseExpression());
                while (TrySymbol(","))
                {
                    args.Add(qualified.Equals("normalize", StringComparison.OrdinalIgnoreCase) && TryNormalForm() is { } form ? form : ParseExpression());
                }
            }

            ExpectSymbol(")");
            return new FunctionExpr(at, qualified, distinct, args);
        }

        if (ReservedVariableNames.Contains(name))
        {
            throw Unexpected();
        }

        pos++;
        return new VariableExpr(at, name);
    }

    private CaseExpr ParseCase(int at)
    {
        Expr? subject = AtKeyword("WHEN") ? null : ParseExpression();
        var alternatives = new List<(Expr, Expr)>();
        while (TryKeyword("WHEN"))
        {
            var when = ParseExpression();
            ExpectKeyword("THEN");
            alternatives.Add((when, ParseExpression()));
        }

        if (alternatives.Count == 0)
        {
            throw Unexpected();
        }

        Expr? otherwise = TryKeyword("ELSE") ? ParseExpression() : null;
        ExpectKeyword("END");
        return new CaseExpr(at, subject, alternatives, otherwise);
    }

    private List<PatternPart> ParsePatternList()
    {
        var parts = new List<PatternPart> { ParsePatternPart() };
        while (TrySymbol(","))
        {
            parts.Add(ParsePatternPart());
        }

        return parts;
    }

    private PatternPart ParsePatternPart()
    {
        var at = Current.Offset;
        string? pathVariable = null;
        if (AtVariable() && PeekToken(1).IsSymbol("="))
        {
            pathVariable = ExpectVariable();
            pos++;
        }

        if (TryParsePathSelector(pathVariable, at) is { } selected)
        {
            return selected;
        }

        if ((AtKeyword("shortestPath") || AtKeyword("allShortestPaths")) && PeekToken(1).IsSymbol("("))
        {
            var kind = Current.Text;
            pos += 2;
            var inner = ParsePatternElement(pathVariable, at);
            ExpectSymbol(")");
            return inner with { ShortestKind = kind };
        }

        return ParsePatternElement(pathVariable, at);
    }

    private PatternPart ParsePatternElement(string? pathVariable, int at)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var leading = AtSymbol("(") && PeekToken(1).IsSymbol("(") ? TryParseQuantifiedPath() : null;
        if (leading is null && AtSymbol("(") && PeekToken(1).IsSymbol("("))
        {
            pos++;
            var inner = ParsePatternElement(pathVariable, at);
            ExpectSymbol(")");
            return inner;
        }

        var nodes = new List<NodePattern>();
        var relationships = new List<RelPattern>();
        if (leading is not null)
        {
            // A pattern that opens with a quantified path pattern starts at an anonymous node.
            nodes.Add(new NodePattern(at, null, [], null));
            relationships.Add(leading);
            nodes.Add(AtSymbol("(") && !PeekToken(1).IsSymbol("(") ? ParseNodePattern() : new NodePattern(Current.Offset, null, [], null));
        }
        else
        {
            nodes.Add(ParseNodePattern());
        }

        while (true)
        {
            if (TryParseQuantifiedPath() is { } quantified)
            {
                relationships.Add(quantified);
                nodes.Add(AtSymbol("(") && !PeekToken(1).IsSymbol("(") ? ParseNodePattern() : new NodePattern(Current.Offset, null, [], null));
                continue;
            }

            if (TryParseRelPattern() is not { } relationship)
            {
                break;
            }

            relationships.Add(TryQuantifier(relationship));
            nodes.Add(AtSymbol("(") && !PeekToken(1).IsSymbol("(") ? ParseNodePattern()
                : AtSymbol("(") ? new NodePattern(Current.Offset, null, [], null) : ParseNodePattern());
        }

        return new PatternPart(at, pathVariable, nodes, relationships);
    }

    private NodePattern ParseNodePattern()
    {
        var at = Current.Offset;
        ExpectSymbol("(");
        string? variable = AtVariable() ? ExpectVariable() : null;
        var (labels, labelExpression) = ParseNodeLabels();
        Expr? properties = ParsePatternProperties();
        Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
        ExpectSymbol(")");
        return new NodePattern(at, variable, labels, properties, labelExpression, where);
    }

    private Expr? ParsePatternProperties()
    {
        if (AtSymbol("{"))
        {
            return ParseMapLiteral();
        }

        if (Current.Kind == TokenKind.Parameter)
        {
            var token = tokens[pos++];
            return new ParameterExpr(token.Offset, token.Text);
        }

        return null;
    }

    private RelPattern? TryParseRelPattern()
    {
        var at = Current.Offset;
        var left = false;
        if (TrySymbol("<-"))
        {
            left = true;
            if (TrySymbol("->"))
            {
                return new RelPattern(at, null, [], null, RelDirection.Either, false, null, null);
            }

            if (TryDash())
            {
                var r = TrySymbol(">");
                return new RelPattern(at, null, [], null, r ? RelDirection.Either : RelDirection.Incoming, false, null, null);
            }
        }
        else if (AtSymbol("<") && IsDash(PeekToken(1)))
        {
            pos += 2;
            left = true;
        }
        else if (TrySymbol("--"))
        {
            var r = TrySymbol(">");
            return new RelPattern(at, null, [], null, r ? RelDirection.Outgoing : RelDirection.Either, false, null, null);
        }
        else if (!TryDash())
        {
            return null;
        }

        string? variable = null;
        var types = new List<string>();
        LabelExpression? typeExpression = null;
        Expr? where = null;
        Expr? properties = null;
        var varLength = false;
        int? min = null;
        int? max = null;
        if (TrySymbol("["))
        {
            variable = AtVariable() ? ExpectVariable() : null;
            if (TrySymbol(":") || TryKeyword("IS"))
            {
                (types, typeExpression) = ParseRelTypes();
            }

            if (Current.Kind == TokenKind.Integer || AtSymbol(".."))
            {
                throw Error("InvalidRelationshipPattern", "A variable length relationship needs '*' before its bounds", Current.Offset);
            }

            if (TrySymbol("*"))
            {
                varLength = true;
                if (AtSymbol("-") && PeekToken(1).Kind == TokenKind.Integer)
                {
                    throw Error("InvalidRelationshipPattern", "Relationship length bounds cannot be negative", Current.Offset);
                }

                if (Current.Kind == TokenKind.Integer)
                {
                    min = (int)ParseInteger(tokens[pos].Text, Current.Offset, this, false);
                    pos++;
                    max = min;
                }

                if (TrySymbol(".."))
                {
                    max = null;
                    if (Current.Kind == TokenKind.Integer)
                    {
                        max = (int)ParseInteger(tokens[pos].Text, Current.Offset, this, false);
                        pos++;
                    }
                }
            }

            properties = ParsePatternProperties();
            where = TryKeyword("WHERE") ? ParseExpression() : null;
            ExpectSymbol("]");
        }

        bool right;
        if (TrySymbol("->"))
        {
            right = true;
        }
        else if (TrySymbol("--"))
        {
            // "-[r]--" cannot happen; keep strictness simple.
            throw Unexpected();
        }
        else
        {
            if (!TryDash())
            {
                throw Unexpected();
            }

            right = TrySymbol(">");
        }

        var direction = left == right ? RelDirection.Either : left ? RelDirection.Incoming : RelDirection.Outgoing;
        return new RelPattern(at, variable, types, properties, direction, varLength, min, max) { TypeExpression = typeExpression, Where = where };
    }
}
