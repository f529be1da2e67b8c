namespace Graph.Cypher.Syntax;

// GQL path patterns of Neo4j 5: path selectors (SHORTEST k, ANY SHORTEST, ALL SHORTEST, ANY k), path modes (WALK, TRAIL,
// ACYCLIC), quantified relationships (-[:R]->+, {m,n}) and quantified path patterns over one hop.
internal sealed partial class Parser
{
    /// <summary>A pattern part that opens with a path selector or a path mode; null (nothing consumed) when none does.</summary>
    private PatternPart? TryParsePathSelector(string? pathVariable, int at)
    {
        var start = pos;
        string? kind = null;
        int? count = null;
        if (AtKeywords("ANY", "SHORTEST"))
        {
            pos += 2;
            kind = "shortestPath";
        }
        else if (AtKeywords("ALL", "SHORTEST"))
        {
            pos += 2;
            kind = "allShortestPaths";
        }
        else if (AtKeyword("SHORTEST") && PeekToken(1).Kind == TokenKind.Integer)
        {
            pos++;
            count = (int)ParseInteger(tokens[pos].Text, Current.Offset, this, false);
            pos++;
            kind = TryKeyword("GROUP") || TryKeyword("GROUPS") ? "shortestGroups" : count == 1 ? "shortestPath" : "shortest";
        }
        else if (AtKeyword("ANY") && (PeekToken(1).Kind == TokenKind.Integer || PeekToken(1).IsSymbol("(") || IsPathWord(PeekToken(1))))
        {
            pos++;
            count = 1;
            if (Current.Kind == TokenKind.Integer)
            {
                count = (int)ParseInteger(tokens[pos].Text, Current.Offset, this, false);
                pos++;
            }

            kind = "any";
        }
        else if (AtKeyword("ALL") && (PeekToken(1).IsSymbol("(") || IsPathWord(PeekToken(1))))
        {
            pos++;
        }

        string? mode = null;
        if (AtKeyword("WALK") || AtKeyword("TRAIL") || AtKeyword("ACYCLIC"))
        {
            mode = Current.Text.ToUpperInvariant();
            pos++;
        }

        if (AtKeyword("PATH") || AtKeyword("PATHS"))
        {
            pos++;
        }

        if (pos == start)
        {
            return null;
        }

        if (count is < 1)
        {
            throw Error("InvalidArgumentValue", "A path selector takes a positive number of paths", tokens[start].Offset);
        }

        if (pathVariable is null && AtVariable() && PeekToken(1).IsSymbol("="))
        {
            // MATCH SHORTEST 1 p = (…): the path variable after the selector.
            pathVariable = ExpectVariable();
            pos++;
        }

        var part = ParsePatternElement(pathVariable, at);
        if (mode == "WALK")
        {
            // A walk may repeat relationships, so an unbounded repetition has no end unless a selector picks the paths.
            if (kind is null && part.Relationships.Any(r => r.VarLength && r.MaxHops is null))
            {
                throw Error("UnboundedWalk", "A WALK with an unbounded quantifier needs a path selector such as SHORTEST k or ANY k", tokens[start].Offset);
            }

            part = part with { Relationships = [.. part.Relationships.Select(r => r.VarLength ? r with { RepeatsRelationships = true } : r)] };
        }

        return part with { ShortestKind = kind, ShortestCount = count, PathMode = mode };
    }

    private static bool IsPathWord(Token token) =>
        token.IsKeyword("PATH") || token.IsKeyword("PATHS") || token.IsKeyword("WALK") || token.IsKeyword("TRAIL") || token.IsKeyword("ACYCLIC");

    /// <summary>A quantifier after a relationship pattern (<c>+</c>, <c>*</c>, <c>{m,n}</c>) makes it variable-length.</summary>
    private RelPattern TryQuantifier(RelPattern relationship)
    {
        if (TryParseQuantifier() is not { } bounds)
        {
            return relationship;
        }

        if (relationship.VarLength)
        {
            throw Error("InvalidRelationshipPattern", "A variable-length relationship cannot also be quantified", relationship.Offset);
        }

        // A quantified relationship's WHERE holds for each relationship it repeats, as a one-hop quantified path's would.
        var step = relationship.Where is null ? null
            : new QuantifiedStep(new NodePattern(relationship.Offset, null, [], null), new NodePattern(relationship.Offset, null, [], null), relationship.Where);
        return relationship with { VarLength = true, MinHops = bounds.Min, MaxHops = bounds.Max, Step = step, Where = null };
    }

    /// <summary><c>+</c> (1 or more), <c>*</c> (0 or more), <c>{n}</c>, <c>{m,n}</c>, <c>{m,}</c>, <c>{,n}</c>; null when none follows.</summary>
    private (int Min, int? Max)? TryParseQuantifier()
    {
        if (AtSymbol("+") && PeekToken(1).IsSymbol("(") || AtSymbol("+") && !IsExpressionContinuation(PeekToken(1)))
        {
            pos++;
            return (1, null);
        }

        if (AtSymbol("*") && (PeekToken(1).IsSymbol("(") || !IsExpressionContinuation(PeekToken(1))))
        {
            pos++;
            return (0, null);
        }

        if (!AtSymbol("{") || !(PeekToken(1).Kind == TokenKind.Integer || PeekToken(1).IsSymbol(",")))
        {
            return null;
        }

        pos++;
        int? min = null;
        int? max = null;
        if (Current.Kind == TokenKind.Integer)
        {
            min = (int)ParseInteger(tokens[pos].Text, Current.Offset, this, false);
            pos++;
        }

        if (TrySymbol(","))
        {
            if (Current.Kind == TokenKind.Integer)
            {
                max = (int)ParseInteger(tokens[pos].Text, Current.Offset, this, false);
                pos++;
            }
        }
        else
        {
            max = min;
        }

        ExpectSymbol("}");
        if (min > max)
        {
            throw Error("InvalidQuantifier", "A quantifier's lower bound cannot exceed its upper bound", Current.Offset);
        }

        return (min ?? 0, max);
    }

    /// <summary>Whether a token after '+' or '*' continues an arithmetic expression rather than ending a quantified pattern.</summary>
    private static bool IsExpressionContinuation(Token token) =>
        token.Kind is TokenKind.Integer or TokenKind.Float or TokenKind.String or TokenKind.Parameter ||
        (token.Kind is TokenKind.Identifier or TokenKind.EscapedIdentifier && !token.IsKeyword("RETURN") && !token.IsKeyword("WHERE") &&
         !token.IsKeyword("WITH") && !token.IsKeyword("MATCH") && !token.IsKeyword("AND") && !token.IsKeyword("OR")) ||
        token.IsSymbol("[") || token.IsSymbol("{") || token.IsSymbol("-");

    /// <summary>
    /// <c>((a)-[r:R]-&gt;(b) WHERE …){m,n}</c> with one hop inside, as a variable-length relationship that checks the inner
    /// nodes and WHERE at every repetition; null (nothing consumed) when no quantified path pattern starts here.
    /// </summary>
    private RelPattern? TryParseQuantifiedPath()
    {
        if (!AtSymbol("(") || !PeekToken(1).IsSymbol("("))
        {
            return null;
        }

        var start = pos;
        try
        {
            pos++;
            var left = ParseNodePattern();
            var hop = TryParseRelPattern();
            if (hop is null || hop.VarLength)
            {
                pos = start;
                return null;
            }

            var nodes = new List<NodePattern> { left, ParseNodePattern() };
            var rels = new List<RelPattern> { hop };
            while (TryParseRelPattern() is { } next)
            {
                if (next.VarLength)
                {
                    pos = start;
                    return null;
                }

                rels.Add(next);
                nodes.Add(ParseNodePattern());
            }

            Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
            ExpectSymbol(")");
            if (TryParseQuantifier() is not { } bounds)
            {
                pos = start;
                return null;
            }

            if (rels.Count == 1)
            {
                return hop with
                {
                    VarLength = true, MinHops = bounds.Min, MaxHops = bounds.Max, Step = new QuantifiedStep(left, nodes[1], where),
                };
            }

            // More than one hop: the relationship stands for the whole stretch; its inner variables are group variables.
            return new RelPattern(hop.Offset, null, [], null, RelDirection.Either, true, bounds.Min, bounds.Max)
            {
                Step = new QuantifiedStep(left, nodes[^1], where) { Nodes = nodes, Rels = rels },
            };
        }
        catch (CypherException)
        {
            pos = start;
            return null;
        }
    }
}
