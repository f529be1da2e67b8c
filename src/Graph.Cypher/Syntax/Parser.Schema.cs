namespace Graph.Cypher.Syntax;

/// <summary>The statement prefixes EXPLAIN and PROFILE, the schema commands, and SHOW.</summary>
internal sealed partial class Parser
{
    /// <summary>The SHOW commands, each answered by a hidden procedure of the same columns (see <c>Execution/ShowCommands</c>).</summary>
    private static readonly Dictionary<string, string> ShowTargets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INDEX"] = "indexes", ["INDEXES"] = "indexes", ["CONSTRAINT"] = "constraints", ["CONSTRAINTS"] = "constraints",
        ["PROCEDURE"] = "procedures", ["PROCEDURES"] = "procedures", ["FUNCTION"] = "functions", ["FUNCTIONS"] = "functions",
    };

    /// <summary>The prefix of a SHOW command's hidden procedure: not a name a query can spell, so never listed or called.</summary>
    public const string ShowProcedurePrefix = " show.";

    private PlanMode ParsePlanMode() =>
        TryKeyword("EXPLAIN") ? PlanMode.Explain : TryKeyword("PROFILE") ? PlanMode.Profile : PlanMode.None;

    private SchemaCommand? TryParseSchemaCommand()
    {
        var start = Current.Offset;
        if (AtKeyword("DROP") && (PeekToken(1).IsKeyword("INDEX") || PeekToken(1).IsKeyword("CONSTRAINT")))
        {
            pos++;
            var constraint = tokens[pos++].IsKeyword("CONSTRAINT");
            var name = ExpectName();
            var ifExists = TryKeywords("IF", "EXISTS");
            return new DropSchemaCommand(start, constraint, name, ifExists);
        }

        if (!AtKeyword("CREATE")) return null;
        var next = PeekToken(1);
        if (next.IsKeyword("CONSTRAINT"))
        {
            pos += 2;
            return ParseCreateConstraint(start);
        }

        var type = next.IsKeyword("INDEX") ? "RANGE"
            : PeekToken(2).IsKeyword("INDEX") && (next.IsKeyword("RANGE") || next.IsKeyword("TEXT") || next.IsKeyword("FULLTEXT") || next.IsKeyword("LOOKUP"))
                ? next.Text.ToUpperInvariant()
                : null;
        if (type is null) return null;
        pos += next.IsKeyword("INDEX") ? 2 : 3;
        return ParseCreateIndex(start, type);
    }

    private bool TryKeywords(params string[] keywords)
    {
        if (!AtKeywords(keywords))
        {
            ExpectedKeyword(keywords[0]);
            return false;
        }

        pos += keywords.Length;
        return true;
    }

    /// <summary>An optional name, then IF NOT EXISTS, as both index and constraint creation start.</summary>
    private (string? Name, bool IfNotExists) ParseSchemaName()
    {
        string? name = null;
        if (!AtKeywords("IF", "NOT", "EXISTS") && !AtKeyword("FOR") && !AtKeyword("ON"))
        {
            name = ExpectName();
        }

        return (name, TryKeywords("IF", "NOT", "EXISTS"));
    }

    private CreateIndexCommand ParseCreateIndex(int start, string type)
    {
        var (name, ifNotExists) = ParseSchemaName();
        if (type == "FULLTEXT" && name is null)
        {
            throw Error("UnexpectedSyntax", "A full-text index needs a name: CREATE FULLTEXT INDEX name FOR (n:Label) ON EACH [n.prop]", start);
        }

        ExpectKeyword("FOR");
        var (variable, onNodes, labels) = ParseSchemaEntity(allowAlternatives: type == "FULLTEXT");
        if (type == "LOOKUP")
        {
            // FOR (n) ON EACH labels(n) / FOR ()-[r]-() ON EACH type(r): the label and type lookups, always kept.
            throw Error("UnexpectedSyntax", "The label and relationship type lookup indexes are built in and always kept", start);
        }

        ExpectKeyword("ON");
        var properties = new List<string>();
        var each = TryKeyword("EACH");
        if (each && type != "FULLTEXT" || !each && type == "FULLTEXT")
        {
            throw Unexpected();
        }

        var close = each ? "]" : ")";
        ExpectSymbol(each ? "[" : "(");
        do
        {
            properties.Add(ParsePropertyOf(variable));
        }
        while (TrySymbol(","));
        ExpectSymbol(close);
        SkipOptions();
        if (labels.Count == 0) throw Error("UnexpectedSyntax", "An index needs a label or relationship type", start);
        return new CreateIndexCommand(start, name, ifNotExists, type, onNodes, labels, properties);
    }

    private CreateConstraintCommand ParseCreateConstraint(int start)
    {
        var (name, ifNotExists) = ParseSchemaName();
        ExpectKeyword(AtKeyword("ON") ? "ON" : "FOR");
        var (variable, onNodes, labels) = ParseSchemaEntity(allowAlternatives: false);
        if (!onNodes || labels.Count != 1) throw Error("UnexpectedSyntax", "A uniqueness constraint is on one node label", start);
        if (!TryKeyword("REQUIRE")) ExpectKeyword("ASSERT");
        var properties = new List<string>();
        if (TrySymbol("("))
        {
            do
            {
                properties.Add(ParsePropertyOf(variable));
            }
            while (TrySymbol(","));
            ExpectSymbol(")");
        }
        else
        {
            properties.Add(ParsePropertyOf(variable));
        }

        ExpectKeyword("IS");
        if (!AtKeyword("UNIQUE"))
        {
            ExpectedKeyword("UNIQUE");
            throw Error("UnexpectedSyntax", UnexpectedMessage() + ". Only uniqueness constraints (IS UNIQUE) are supported", Current.Offset);
        }

        pos++;
        SkipOptions();
        return new CreateConstraintCommand(start, name, ifNotExists, labels[0], properties);
    }

    /// <summary>(n:Label), (n:A|B) for full-text, or ()-[r:TYPE]-(): the variable, whether nodes, and the labels or types.</summary>
    private (string Variable, bool OnNodes, List<string> Labels) ParseSchemaEntity(bool allowAlternatives)
    {
        ExpectSymbol("(");
        if (TrySymbol(")"))
        {
            // ()-[r:TYPE]-() with either arrow or none.
            TrySymbol("<");
            ExpectSymbol("-");
            ExpectSymbol("[");
            var rel = ExpectVariable();
            var types = ParseSchemaLabels(allowAlternatives);
            ExpectSymbol("]");
            ExpectSymbol("-");
            TrySymbol(">");
            ExpectSymbol("(");
            ExpectSymbol(")");
            return (rel, false, types);
        }

        var variable = ExpectVariable();
        var labels = ParseSchemaLabels(allowAlternatives);
        ExpectSymbol(")");
        return (variable, true, labels);
    }

    private List<string> ParseSchemaLabels(bool allowAlternatives)
    {
        var labels = new List<string>();
        ExpectSymbol(":");
        labels.Add(ExpectName());
        while (allowAlternatives && TrySymbol("|"))
        {
            labels.Add(ExpectName());
        }

        return labels;
    }

    private string ParsePropertyOf(string variable)
    {
        var at = Current.Offset;
        if (ExpectVariable() != variable) throw Error("UndefinedVariable", $"Variable `{tokens[pos - 1].Text}` not defined", at);
        ExpectSymbol(".");
        return ExpectName();
    }

    /// <summary>OPTIONS {…}: index providers and analyzer settings, accepted and not used (the engine keeps one kind of each).</summary>
    private void SkipOptions()
    {
        if (TryKeyword("OPTIONS")) ParseExpression();
    }

    /// <summary>
    /// SHOW [ALL|RANGE|TEXT|FULLTEXT|LOOKUP|UNIQUE|BUILT IN|USER DEFINED] INDEXES|CONSTRAINTS|PROCEDURES|FUNCTIONS
    /// [YIELD … [WHERE …]] | [WHERE …]: a call of the hidden procedure behind it, whose default columns are Neo4j's
    /// (all of them with YIELD *). RETURN may follow YIELD as after any CALL.
    /// </summary>
    private CallClause ParseShow(int start)
    {
        var filter = "ALL";
        if (AtKeywords("BUILT", "IN") || AtKeywords("USER", "DEFINED"))
        {
            filter = tokens[pos].Text.ToUpperInvariant() + " " + tokens[pos + 1].Text.ToUpperInvariant();
            pos += 2;
        }
        else if (!ShowTargets.ContainsKey(Current.Text) && Current.Kind == TokenKind.Identifier &&
                 ShowTargets.ContainsKey(PeekToken(1).Text))
        {
            filter = tokens[pos++].Text.ToUpperInvariant();
        }

        if (Current.Kind != TokenKind.Identifier || !ShowTargets.TryGetValue(Current.Text, out var target))
        {
            foreach (var keyword in new[] { "INDEXES", "CONSTRAINTS", "PROCEDURES", "FUNCTIONS" }) ExpectedKeyword(keyword);
            throw Unexpected();
        }

        pos++;
        var procedure = ShowProcedurePrefix + target;
        var args = new List<Expr> { new LiteralExpr(start, filter) };
        var yields = new List<(string, string?)>();
        Expr? where = null;
        if (!TryParseYield(yields, out var star))
        {
            // Without YIELD the default columns.
            yields.AddRange(Execution.ShowCommands.DefaultColumns(target).Select(c => (c, (string?)null)));
        }

        // WHERE filters with or without YIELD (after YIELD * too). YIELD may also sort and page as WITH does; those are
        // left to a following RETURN here.
        if (TryKeyword("WHERE")) where = ParseExpression();

        return new CallClause(start, procedure, args, yields, star, where);
    }
}
