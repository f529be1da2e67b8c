namespace Graph.Cypher.Syntax;

// Neo4j 5 and Cypher 25 productions: CALL subqueries, FOREACH, LET, FILTER, FINISH, COLLECT { }, label and type
// expressions, type predicates.
internal sealed partial class Parser
{
    /// <summary>The clauses of Neo4j 5 and Cypher 25 that openCypher lacks; null when none starts here.</summary>
    private Clause? TryParseCypher5Clause()
    {
        var start = Current.Offset;
        if (AtKeywords("OPTIONAL", "CALL"))
        {
            pos += 2;
            return ParseSubqueryCall(start, optional: true);
        }

        if (AtKeyword("CALL") && (PeekToken(1).IsSymbol("{") || PeekToken(1).IsSymbol("(")))
        {
            pos++;
            return ParseSubqueryCall(start, optional: false);
        }

        if (AtKeyword("FOREACH") && PeekToken(1).IsSymbol("("))
        {
            pos += 2;
            var variable = ExpectVariable();
            ExpectKeyword("IN");
            var source = ParseExpression();
            ExpectSymbol("|");
            var body = new List<Clause>();
            while (TryParseClause() is { } clause)
            {
                if (clause is not (CreateClause or MergeClause or SetClause or RemoveClause or DeleteClause or ForeachClause))
                {
                    throw Error("InvalidClauseComposition", "FOREACH may hold only CREATE, MERGE, SET, REMOVE, DELETE and FOREACH", clause.Offset);
                }

                body.Add(clause);
            }

            if (body.Count == 0)
            {
                throw Unexpected();
            }

            ExpectSymbol(")");
            return new ForeachClause(start, variable, source, body);
        }

        if (AtKeyword("LET") && PeekToken(2).IsSymbol("="))
        {
            // LET x = e, y = f is WITH *, e AS x, f AS y (Cypher 25).
            pos++;
            var items = new List<ReturnItem>();
            do
            {
                var name = ExpectVariable();
                ExpectSymbol("=");
                var startToken = Current;
                var value = ParseExpression();
                var endToken = tokens[pos - 1];
                items.Add(new ReturnItem(value, name, text[startToken.Offset..(endToken.Offset + endToken.Length)]));
            }
            while (TrySymbol(","));
            return new WithClause(start, new Projection(start, false, true, items, [], null, null) { IsWith = true }, null) { Kind = "LET" };
        }

        if (AtKeyword("FILTER"))
        {
            // FILTER [WHERE] p is WITH * WHERE p (Cypher 25).
            pos++;
            TryKeyword("WHERE");
            var predicate = ParseExpression();
            return new WithClause(start, new Projection(start, false, true, [], [], null, null) { IsWith = true }, predicate) { Kind = "FILTER" };
        }

        if (TryKeyword("FINISH"))
        {
            return new FinishClause(start);
        }

        return null;
    }

    private SubqueryCallClause ParseSubqueryCall(int start, bool optional)
    {
        List<string>? imports = null;
        var importAll = false;
        if (TrySymbol("("))
        {
            imports = [];
            if (TrySymbol("*"))
            {
                importAll = true;
            }
            else if (!AtSymbol(")"))
            {
                do
                {
                    imports.Add(ExpectVariable());
                }
                while (TrySymbol(","));
            }

            ExpectSymbol(")");
        }

        ExpectSymbol("{");
        var body = ParseQuery();
        ExpectSymbol("}");
        var inTransactions = false;
        Expr? batch = null;
        string? onError = null;
        string? status = null;
        if (AtKeywords("IN", "TRANSACTIONS"))
        {
            pos += 2;
            inTransactions = true;
            if (TryKeyword("OF"))
            {
                batch = ParseExpression();
                if (!TryKeyword("ROWS"))
                {
                    ExpectKeyword("ROW");
                }
            }

            // REPORT STATUS AS s and ON ERROR …, in either order, each at most once.
            while (true)
            {
                if (status is null && AtKeywords("REPORT", "STATUS"))
                {
                    pos += 2;
                    ExpectKeyword("AS");
                    status = ExpectVariable();
                }
                else if (onError is null && AtKeywords("ON", "ERROR"))
                {
                    pos += 2;
                    onError = ParseOnError();
                }
                else
                {
                    break;
                }
            }
        }

        return new SubqueryCallClause(start, body, imports, importAll, optional, inTransactions, batch)
        {
            OnError = onError ?? "FAIL",
            ReportStatus = status,
        };
    }

    /// <summary>
    /// <c>CONTINUE</c>, <c>BREAK</c>, <c>FAIL</c> or <c>RETRY [FOR] d SEC[OND[S]] [THEN CONTINUE|BREAK|FAIL]</c>. RETRY
    /// repeats a batch only after a transient error (a deadlock between concurrent batches); here one writer holds the
    /// graph at a time, so no error is transient and RETRY is its fallback (CONTINUE unless THEN names another).
    /// </summary>
    private string ParseOnError()
    {
        if (TryKeyword("RETRY"))
        {
            if (!AtKeyword("THEN"))
            {
                TryKeyword("FOR");
                _ = ParseExpression();
                if (!TryKeyword("SECONDS") && !TryKeyword("SECOND"))
                {
                    ExpectKeyword("SEC");
                }
            }

            return TryKeyword("THEN") ? ParseOnErrorMode() : "CONTINUE";
        }

        return ParseOnErrorMode();
    }

    private string ParseOnErrorMode()
    {
        foreach (var mode in (string[])["CONTINUE", "BREAK", "FAIL"])
        {
            if (TryKeyword(mode))
            {
                return mode;
            }
        }

        ExpectKeyword("CONTINUE");
        return "CONTINUE";
    }

    /// <summary><c>COLLECT { … }</c> at an atom's place; null when the identifier is something else.</summary>
    private Expr? TryParseCollectSubquery(Token token)
    {
        if (!token.IsKeyword("COLLECT") || !PeekToken(1).IsSymbol("{"))
        {
            return null;
        }

        pos += 2;
        var subquery = ParseQuery();
        ExpectSymbol("}");
        return new CollectSubqueryExpr(token.Offset, subquery);
    }

    /// <summary>
    /// The labels of a node pattern: a plain conjunction (<c>:A:B</c>, <c>:A&amp;B</c>, <c>IS A</c>) goes to the label list,
    /// anything else (<c>|</c>, <c>!</c>, <c>%</c>, <c>$(…)</c>, parentheses) to a label expression.
    /// </summary>
    private (List<string> Labels, LabelExpression? Expression) ParseNodeLabels()
    {
        if (!AtSymbol(":") && !(AtKeyword("IS") && !PeekToken(1).IsKeyword("NOT") && !PeekToken(1).IsKeyword("NULL")))
        {
            return ([], null);
        }

        pos++;
        var expression = ParseLabelOr(inExpression: false);
        return Conjunction(expression) is { } names ? (names, null) : ([], expression);
    }

    /// <summary>The names of a conjunction of plain names (<c>A&amp;B</c>, <c>:A:B</c>), or null.</summary>
    private static List<string>? Conjunction(LabelExpression e) => PlainNames(e, conjunction: true);

    /// <summary>The names of an alternative of plain names (<c>A|B</c>), or null.</summary>
    private static List<string>? Alternatives(LabelExpression e) => PlainNames(e, conjunction: false);

    /// <summary>The names of a label expression made of plain names joined only by AND (or only by OR), in written order; else null.</summary>
    private static List<string>? PlainNames(LabelExpression e, bool conjunction)
    {
        if (e is LabelName n)
        {
            return [n.Name];
        }

        (LabelExpression Left, LabelExpression Right)? halves = e switch
        {
            LabelAnd both when conjunction => (both.Left, both.Right),
            LabelOr either when !conjunction => (either.Left, either.Right),
            _ => null,
        };
        if (halves is not { } h || PlainNames(h.Left, conjunction) is not { } left || PlainNames(h.Right, conjunction) is not { } right)
        {
            return null;
        }

        left.AddRange(right);
        return left;
    }

    /// <summary>The types of a relationship pattern after its ':': a plain alternative goes to the list, anything else to an expression.</summary>
    private (List<string> Types, LabelExpression? Expression) ParseRelTypes()
    {
        var expression = ParseLabelOr(inExpression: false);
        return Alternatives(expression) is { } names ? (names, null) : ([], expression);
    }

    private LabelExpression ParseLabelOr(bool inExpression)
    {
        var left = ParseLabelAnd(inExpression);
        while (AtSymbol("|") && (!inExpression || LabelContinues()))
        {
            pos++;
            TrySymbol(":");
            left = new LabelOr(left, ParseLabelAnd(inExpression));
        }

        return left;
    }

    /// <summary>
    /// In an expression, '|' also ends a list comprehension's WHERE (<c>[x IN xs WHERE x:A | x.name]</c>): it continues a
    /// label expression only when a name follows that is not itself followed by what a projection would use.
    /// </summary>
    private bool LabelContinues()
    {
        var next = PeekToken(1);
        if (next.IsSymbol("!") || next.IsSymbol("%") || next.IsSymbol(":") || next.IsSymbol("$"))
        {
            return true;
        }

        if (next.Kind is not (TokenKind.Identifier or TokenKind.EscapedIdentifier))
        {
            return false;
        }

        var after = PeekToken(2);
        return after.Kind is TokenKind.End or TokenKind.Identifier ||
               after.IsSymbol(")") || after.IsSymbol("|") || after.IsSymbol("&") || after.IsSymbol(",") || after.IsSymbol(";");
    }

    private LabelExpression ParseLabelAnd(bool inExpression)
    {
        var left = ParseLabelNot(inExpression);
        while (AtSymbol("&") || (AtSymbol(":") && !PeekToken(1).IsSymbol(":")))
        {
            pos++;
            left = new LabelAnd(left, ParseLabelNot(inExpression));
        }

        return left;
    }

    private LabelExpression ParseLabelNot(bool inExpression)
    {
        if (TrySymbol("!"))
        {
            return new LabelNot(ParseLabelNot(inExpression));
        }

        if (TrySymbol("%"))
        {
            return new LabelWildcard();
        }

        if (TrySymbol("("))
        {
            var inner = ParseLabelOr(inExpression: false);
            ExpectSymbol(")");
            return inner;
        }

        if (TrySymbol("$"))
        {
            ExpectSymbol("(");
            var dynamic = ParseExpression();
            ExpectSymbol(")");
            return new LabelDynamic(dynamic, Any: false);
        }

        if (Current.Kind == TokenKind.Parameter && Current.Text.ToUpperInvariant() is "ANY" or "ALL" && PeekToken(1).IsSymbol("("))
        {
            var any = Current.Text.Equals("any", StringComparison.OrdinalIgnoreCase);
            pos += 2;
            var dynamic = ParseExpression();
            ExpectSymbol(")");
            return new LabelDynamic(dynamic, any);
        }

        return new LabelName(ExpectName());
    }

    /// <summary>Whether a label test in an expression starts here (after the target): <c>:A</c>, <c>:!A</c>, <c>:%</c>, <c>:(…)</c>, <c>:$(…)</c>.</summary>
    private bool AtLabelTest() =>
        AtSymbol(":") && (PeekToken(1).Kind is TokenKind.Identifier or TokenKind.EscapedIdentifier ||
                          PeekToken(1).IsSymbol("!") || PeekToken(1).IsSymbol("%") || PeekToken(1).IsSymbol("(") || PeekToken(1).IsSymbol("$") ||
                          (PeekToken(1).Kind == TokenKind.Parameter && PeekToken(2).IsSymbol("(")));

    /// <summary>A label test in an expression: the old <see cref="HasLabelsExpr"/> for a plain conjunction, else a <see cref="LabelTestExpr"/>.</summary>
    private Expr ParseLabelTest(Expr target, int at)
    {
        pos++;
        var expression = ParseLabelOr(inExpression: true);
        return Conjunction(expression) is { } names ? new HasLabelsExpr(at, target, names) : new LabelTestExpr(at, target, expression);
    }

    /// <summary>After <c>IS [NOT]</c> or a bare <c>::</c>: the type or union of types a value is tested against.</summary>
    private List<CypherType> ParseTypeUnion()
    {
        var types = new List<CypherType> { ParseCypherType() };
        while (AtSymbol("|"))
        {
            pos++;
            types.Add(ParseCypherType());
        }

        return types;
    }

    private static readonly Dictionary<string, string> TypeSynonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BOOL"] = "BOOLEAN", ["BOOLEAN"] = "BOOLEAN", ["VARCHAR"] = "STRING", ["STRING"] = "STRING",
        ["INT"] = "INTEGER", ["INTEGER"] = "INTEGER", ["INTEGER64"] = "INTEGER", ["FLOAT"] = "FLOAT", ["FLOAT64"] = "FLOAT",
        ["DATE"] = "DATE", ["DURATION"] = "DURATION", ["POINT"] = "POINT", ["NODE"] = "NODE", ["VERTEX"] = "NODE",
        ["RELATIONSHIP"] = "RELATIONSHIP", ["EDGE"] = "RELATIONSHIP", ["MAP"] = "MAP", ["PATH"] = "PATH", ["PATHS"] = "PATH",
        ["NULL"] = "NULL", ["NOTHING"] = "NOTHING", ["ANY"] = "ANY", ["LIST"] = "LIST", ["ARRAY"] = "LIST",
    };

    private CypherType ParseCypherType()
    {
        var start = Current.Offset;
        var word = Current.Kind == TokenKind.Identifier ? Current.Text.ToUpperInvariant() : "";
        string name;
        CypherType? element = null;
        switch (word)
        {
            case "SIGNED":
                pos++;
                ExpectKeyword("INTEGER");
                name = "INTEGER";
                break;
            case "LOCAL":
                pos++;
                name = TryKeyword("TIME") ? "LOCAL TIME" : Then(() => ExpectKeyword("DATETIME"), "LOCAL DATETIME");
                break;
            case "ZONED":
                pos++;
                name = TryKeyword("TIME") ? "ZONED TIME" : Then(() => ExpectKeyword("DATETIME"), "ZONED DATETIME");
                break;
            case "TIME" or "TIMESTAMP":
                pos++;
                var zoned = TryKeyword("WITH") || !TryKeyword("WITHOUT");
                if (PeekToken(0).IsKeyword("TIME"))
                {
                    pos++;
                    ExpectKeyword("ZONE");
                }

                name = (zoned ? "ZONED " : "LOCAL ") + (word == "TIME" ? "TIME" : "DATETIME");
                break;
            case "PROPERTY":
                pos++;
                ExpectKeyword("VALUE");
                name = "PROPERTY VALUE";
                break;
            case "ANY" when PeekToken(1).IsKeyword("NODE") || PeekToken(1).IsKeyword("VERTEX") || PeekToken(1).IsKeyword("RELATIONSHIP") ||
                            PeekToken(1).IsKeyword("EDGE") || PeekToken(1).IsKeyword("MAP") || PeekToken(1).IsKeyword("PROPERTY"):
                pos++;
                return ParseCypherType();
            case "ANY" when PeekToken(1).IsSymbol("<"):
                {
                    pos += 2;
                    var union = ParseTypeUnion();
                    ExpectSymbol(">");
                    // ANY<A | B> is the union itself; a one-member union is that member.
                    return union.Count == 1 ? union[0] : new CypherType("UNION", false, null) { Members = union };
                }

            case "LIST" or "ARRAY":
                pos++;
                ExpectSymbol("<");
                var members = ParseTypeUnion();
                ExpectSymbol(">");
                element = members.Count == 1 ? members[0] : new CypherType("UNION", false) { Members = members };
                name = "LIST";
                break;
            default:
                if (!TypeSynonyms.TryGetValue(word, out var known))
                {
                    throw Error("UnexpectedSyntax", $"Unknown type '{Current.Text}'", start);
                }

                pos++;
                name = known;
                break;
        }

        var notNull = false;
        if (AtKeywords("NOT", "NULL"))
        {
            pos += 2;
            notNull = true;
        }
        else if (TrySymbol("!"))
        {
            notNull = true;
        }

        return new CypherType(name, notNull, element);
    }

    private static string Then(Action action, string value)
    {
        action();
        return value;
    }
}

internal sealed partial class Parser
{
    private static readonly string[] NormalForms = ["NFC", "NFD", "NFKC", "NFKD"];

    /// <summary>normalize()'s second argument, a keyword (<c>normalize(s, NFKC)</c>), as the string it names.</summary>
    private LiteralExpr? TryNormalForm()
    {
        if (Current.Kind == TokenKind.Identifier && NormalForms.Contains(Current.Text.ToUpperInvariant()) && PeekToken(1).IsSymbol(")"))
        {
            var token = tokens[pos++];
            return new LiteralExpr(token.Offset, token.Text.ToUpperInvariant());
        }

        return null;
    }

    /// <summary><c>s IS [NOT] [NFC|NFD|NFKC|NFKD] NORMALIZED</c>: whether normalising the string leaves it as it is.</summary>
    private Expr? TryNormalizedPredicate(Expr left, int at)
    {
        if (!AtKeyword("IS"))
        {
            return null;
        }

        var ahead = 1;
        var negated = PeekToken(ahead).IsKeyword("NOT");
        if (negated)
        {
            ahead++;
        }

        var form = "NFC";
        if (PeekToken(ahead).Kind == TokenKind.Identifier && NormalForms.Contains(PeekToken(ahead).Text.ToUpperInvariant()))
        {
            form = PeekToken(ahead).Text.ToUpperInvariant();
            ahead++;
        }

        if (!PeekToken(ahead).IsKeyword("NORMALIZED"))
        {
            return null;
        }

        pos += ahead + 1;
        var normalized = new FunctionExpr(at, "normalize", false, [left, new LiteralExpr(at, form)]);
        return new BinaryExpr(at, negated ? "<>" : "=", normalized, left);
    }
}
