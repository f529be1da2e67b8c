using System.Globalization;
using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>The scalar functions (aggregates are in <see cref="Aggregation"/>).</summary>
internal static partial class Functions
{
    public static readonly HashSet<string> AggregateNames =
        ["count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentiledisc", "percentilecont"];

    /// <summary>Known scalar functions with their allowed argument counts.</summary>
    public static readonly Dictionary<string, (int Min, int Max)> Known = new()
    {
        ["id"] = (1, 1), ["elementid"] = (1, 1), ["labels"] = (1, 1), ["type"] = (1, 1), ["properties"] = (1, 1),
        ["keys"] = (1, 1), ["size"] = (1, 1), ["length"] = (1, 1), ["head"] = (1, 1), ["last"] = (1, 1), ["tail"] = (1, 1),
        ["coalesce"] = (1, int.MaxValue), ["exists"] = (1, 1), ["startnode"] = (1, 1), ["endnode"] = (1, 1),
        ["nodes"] = (1, 1), ["relationships"] = (1, 1), ["range"] = (2, 3), ["reverse"] = (1, 1), ["tostring"] = (1, 1),
        ["tointeger"] = (1, 1), ["tofloat"] = (1, 1), ["toboolean"] = (1, 1), ["tostringornull"] = (1, 1),
        ["tointegerornull"] = (1, 1), ["tofloatornull"] = (1, 1), ["tobooleanornull"] = (1, 1),
        ["abs"] = (1, 1), ["ceil"] = (1, 1), ["floor"] = (1, 1), ["round"] = (1, 3), ["sign"] = (1, 1), ["sqrt"] = (1, 1),
        ["exp"] = (1, 1), ["log"] = (1, 1), ["log10"] = (1, 1), ["e"] = (0, 0), ["pi"] = (0, 0), ["rand"] = (0, 0),
        ["sin"] = (1, 1), ["cos"] = (1, 1), ["tan"] = (1, 1), ["cot"] = (1, 1), ["asin"] = (1, 1), ["acos"] = (1, 1),
        ["atan"] = (1, 1), ["atan2"] = (2, 2), ["degrees"] = (1, 1), ["radians"] = (1, 1), ["haversin"] = (1, 1),
        ["tolower"] = (1, 1), ["toupper"] = (1, 1), ["trim"] = (1, 1), ["ltrim"] = (1, 2), ["rtrim"] = (1, 2),
        ["btrim"] = (1, 2), ["normalize"] = (1, 2), ["char_length"] = (1, 1), ["character_length"] = (1, 1), ["randomuuid"] = (0, 0),
        ["replace"] = (3, 3), ["substring"] = (2, 3), ["left"] = (2, 2), ["right"] = (2, 2), ["split"] = (2, 2),
        ["timestamp"] = (0, 0), ["isempty"] = (1, 1), ["valuetype"] = (1, 1), ["lower"] = (1, 1), ["upper"] = (1, 1),
        ["tobooleanlist"] = (1, 1), ["tointegerlist"] = (1, 1), ["tofloatlist"] = (1, 1), ["tostringlist"] = (1, 1),
        ["isnan"] = (1, 1), ["point"] = (1, 1), ["point.distance"] = (2, 2),
    };

    public static string ToCypherString(object? v) => v switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        bool b => b ? "true" : "false",
        TemporalValue t => t.Format(),
        _ => v?.ToString() ?? "null",
    };

    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Infinity";
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e16)
        {
            return d.ToString("0.0", CultureInfo.InvariantCulture);
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        return r.Contains('E') ? r.Replace("E+", "E", StringComparison.Ordinal) : r;
    }

    public static object? Call(Evaluator evaluator, FunctionExpr f, Row row)
    {
        var context = evaluator.Context;
        var args = new object?[f.Args.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = evaluator.Eval(f.Args[i], row);
        }

        if (TemporalFunctions.Names.Contains(f.LowerName))
        {
            return TemporalFunctions.Call(evaluator, f, args);
        }

        var graph = context.Graph;
        CypherException Bad(string message) => f.LowerName switch
        {
            "range" => context.RuntimeError("ArgumentError", "InvalidArgumentType", $"{f.Name}(): {message}", f.Offset),
            "tofloat" or "tointeger" or "toboolean" or "tostring" or "type" or "labels" =>
                context.RuntimeError("TypeError", "InvalidArgumentValue", $"{f.Name}(): {message}", f.Offset),
            _ => context.RuntimeError("TypeError", "InvalidArgumentType", $"{f.Name}(): {message}", f.Offset),
        };
        object? a0 = args.Length > 0 ? args[0] : null;

        switch (f.LowerName)
        {
            case "point":
                try
                {
                    return a0 switch
                    {
                        null => null,
                        // As in Neo4j, a coordinate that is null makes the point null.
                        Dictionary<string, object?> map when map.Values.Any(v => v is null) => null,
                        Dictionary<string, object?> map => Points.FromMap(map),
                        _ => throw Bad($"expected a map, not {CypherValues.TypeName(a0)}"),
                    };
                }
                catch (ArgumentException e)
                {
                    throw context.RuntimeError("ArgumentError", "InvalidArgumentValue", e.Message, f.Offset);
                }

            case "point.distance":
                return a0 is Graph.Model.SpatialPoint pa && args[1] is Graph.Model.SpatialPoint pb ? Points.Distance(pa, pb)
                    : a0 is null || args[1] is null ? null
                    : throw Bad($"expected two points, not {CypherValues.TypeName(a0)} and {CypherValues.TypeName(args[1])}");

            case "coalesce":
                return args.FirstOrDefault(a => a is not null);
            case "id":
                return a0 switch
                {
                    null => null,
                    NodeRef n => n.Id,
                    RelRef r => r.Id,
                    _ => throw Bad("expects a node or relationship"),
                };
            case "elementid":
                return a0 switch
                {
                    null => null,
                    NodeRef n => graph.NodeElementId(n.Id),
                    RelRef r => graph.RelationshipElementId(r.Id),
                    _ => throw Bad("expects a node or relationship"),
                };
            case "labels":
                return a0 switch
                {
                    null => null,
                    NodeRef n => context.DeletedNodes.ContainsKey(n.Id)
                        ? throw context.RuntimeError("EntityNotFound", "DeletedEntityAccess", "The node has been deleted", f.Offset)
                        : graph.LabelsOf(n.Id).Cast<object?>().ToList(),
                    _ => throw Bad("expects a node"),
                };
            case "type":
                return a0 switch
                {
                    null => null,
                    RelRef r => context.DeletedRelationships.TryGetValue(r.Id, out var d) ? d.Ends.Type : graph.Endpoints(r.Id).Type,
                    _ => throw Bad("expects a relationship"),
                };
            case "properties":
                return a0 is null ? null : new Dictionary<string, object?>(evaluator.PropertiesOf(a0, f), StringComparer.Ordinal);
            case "keys":
                return a0 is null ? null : evaluator.PropertiesOf(a0, f).Keys.Cast<object?>().ToList();
            case "size":
                return a0 switch
                {
                    null => null,
                    string s => (long)new StringInfo(s).LengthInTextElements,
                    List<object?> l => (long)l.Count,
                    _ => throw Bad("expects a string or list"),
                };
            case "length":
                return a0 switch
                {
                    null => null,
                    PathValue p => (long)p.Relationships.Count,
                    _ => throw Bad("expects a path"),
                };
            case "isempty":
                return a0 switch
                {
                    null => null,
                    string s => s.Length == 0,
                    List<object?> l => l.Count == 0,
                    Dictionary<string, object?> m => m.Count == 0,
                    _ => throw Bad("expects a string, list or map"),
                };
            case "head":
                return a0 switch
                {
                    null => null,
                    List<object?> l => l.Count > 0 ? l[0] : null,
                    _ => throw Bad("expects a list"),
                };
            case "last":
                return a0 switch
                {
                    null => null,
                    List<object?> l => l.Count > 0 ? l[^1] : null,
                    _ => throw Bad("expects a list"),
                };
            case "tail":
                return a0 switch
                {
                    null => null,
                    List<object?> l => l.Skip(1).ToList(),
                    _ => throw Bad("expects a list"),
                };
            case "reverse":
                return a0 switch
                {
                    null => null,
                    string s => new string(s.Reverse().ToArray()),
                    List<object?> l => Enumerable.Reverse(l).ToList(),
                    _ => throw Bad("expects a string or list"),
                };
            case "exists":
                // exists(pattern) asks whether the pattern matches: the pattern evaluates to that answer, a boolean that
                // is never null, so the null test below would call every pattern present.
                return f.Args[0] is PatternExpr ? a0 : a0 is not null;
            case "startnode":
                return a0 switch
                {
                    null => null,
                    RelRef r => new NodeRef(graph.Endpoints(r.Id).Start),
                    _ => throw Bad("expects a relationship"),
                };
            case "endnode":
                return a0 switch
                {
                    null => null,
                    RelRef r => new NodeRef(graph.Endpoints(r.Id).End),
                    _ => throw Bad("expects a relationship"),
                };
            case "nodes":
                return a0 switch
                {
                    null => null,
                    PathValue p => p.Nodes.Select(n => (object?)new NodeRef(n)).ToList(),
                    _ => throw Bad("expects a path"),
                };
            case "relationships":
                return a0 switch
                {
                    null => null,
                    PathValue p => p.Relationships.Select(r => (object?)new RelRef(r)).ToList(),
                    _ => throw Bad("expects a path"),
                };
            case "range":
                {
                    if (args.Any(a => a is null))
                    {
                        return null;
                    }

                    if (args.Any(a => a is not long))
                    {
                        throw Bad("expects integers");
                    }

                    var start = (long)args[0]!;
                    var end = (long)args[1]!;
                    var step = args.Length > 2 ? (long)args[2]! : 1L;
                    if (step == 0)
                    {
                        throw context.RuntimeError("ArgumentError", "NumberOutOfRange", "range() step must not be zero", f.Offset);
                    }

                    var result = new List<object?>();
                    for (var v = start; step > 0 ? v <= end : v >= end; v += step)
                    {
                        context.Tick();
                        result.Add(v);
                        if ((result.Count & 1023) == 0)
                        {
                            context.Budget.CheckValue(ValueSize.ListBytes + (result.Count * RangeElementBytes));
                        }

                        if (result.Count > context.Options.MaxRows * 10L)
                        {
                            throw context.RuntimeError("RowLimit", "RowLimit", "range() too large", f.Offset);
                        }

                        // The next value would overflow, so it lies past the end: stop here rather than wrap around.
                        if (step > 0 ? v > long.MaxValue - step : v < long.MinValue - step)
                        {
                            break;
                        }
                    }

                    return result;
                }

            case "tostring":
            case "tostringornull":
                return a0 switch
                {
                    null => null,
                    string or long or double or bool or TemporalValue => ToCypherString(a0),
                    _ => f.LowerName == "tostringornull" ? null : throw Bad("cannot convert " + CypherValues.TypeName(a0)),
                };
            case "tointeger":
            case "tointegerornull":
                return a0 switch
                {
                    null => null,
                    long => a0,
                    double d => double.IsNaN(d) || double.IsInfinity(d) ? null : (long)Math.Truncate(d),
                    string s => ParseInteger(s),
                    bool b => b ? 1L : 0L,
                    _ => f.LowerName == "tointegerornull" ? null : throw Bad("cannot convert " + CypherValues.TypeName(a0)),
                };
            case "tofloat":
            case "tofloatornull":
                return a0 switch
                {
                    null => null,
                    long l => (double)l,
                    double => a0,
                    string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
                    _ => f.LowerName == "tofloatornull" ? null : throw Bad("cannot convert " + CypherValues.TypeName(a0)),
                };
            case "toboolean":
            case "tobooleanornull":
                return a0 switch
                {
                    null => null,
                    bool => a0,
                    string s => s.Trim().ToLowerInvariant() switch
                    {
                        "true" => true,
                        "false" => false,
                        _ => null,
                    },
                    long l => l != 0,
                    _ => f.LowerName == "tobooleanornull" ? null : throw Bad("cannot convert " + CypherValues.TypeName(a0)),
                };
            case "abs":
                return Numeric(a0, Bad, l => l == long.MinValue ? throw Bad("overflow") : Math.Abs(l), d => Math.Abs(d));
            case "sign":
                return Numeric(a0, Bad, l => (long)Math.Sign(l), d => double.IsNaN(d) ? 0L : (long)Math.Sign(d));
            case "ceil":
                return Double(a0, Bad, Math.Ceiling);
            case "floor":
                return Double(a0, Bad, Math.Floor);
            case "round":
                return args.Length == 1
                    ? Double(a0, Bad, d => Math.Round(d, MidpointRounding.AwayFromZero) is var r && d < 0 && r - d == -0.5 ? r + 1 : Math.Round(d, MidpointRounding.AwayFromZero))
                    : Rounding.Round(a0, args[1], args.Length > 2 ? args[2] : "HALF_UP", Bad);
            case "sqrt":
                return Double(a0, Bad, Math.Sqrt);
            case "exp":
                return Double(a0, Bad, Math.Exp);
            case "log":
                return Double(a0, Bad, Math.Log);
            case "log10":
                return Double(a0, Bad, Math.Log10);
            case "sin":
                return Double(a0, Bad, Math.Sin);
            case "cos":
                return Double(a0, Bad, Math.Cos);
            case "tan":
                return Double(a0, Bad, Math.Tan);
            case "cot":
                return Double(a0, Bad, d => 1 / Math.Tan(d));
            case "asin":
                return Double(a0, Bad, Math.Asin);
            case "acos":
                return Double(a0, Bad, Math.Acos);
            case "atan":
                return Double(a0, Bad, Math.Atan);
            case "degrees":
                return Double(a0, Bad, d => d * 180 / Math.PI);
            case "radians":
                return Double(a0, Bad, d => d * Math.PI / 180);
            case "haversin":
                return Double(a0, Bad, d => (1 - Math.Cos(d)) / 2);
            case "isnan":
                return Double(a0, Bad, d => d) is double dd ? double.IsNaN(dd) : null;
            case "atan2":
                if (a0 is null || args[1] is null)
                {
                    return null;
                }

                if (a0 is not (long or double) || args[1] is not (long or double))
                {
                    throw Bad("expects numbers");
                }

                return Math.Atan2(CypherValues.ToDouble(a0), CypherValues.ToDouble(args[1]!));
            case "e":
                return Math.E;
            case "pi":
                return Math.PI;
            case "rand":
                return context.Random.NextDouble();
            case "timestamp":
                // Like Neo4j: the same value for the whole query (the statement clock).
                return new DateTimeOffset(context.StartedAt).ToUnixTimeMilliseconds();
            case "tolower" or "lower":
                return Str(a0, Bad, s => s.ToLowerInvariant());
            case "toupper" or "upper":
                return Str(a0, Bad, s => s.ToUpperInvariant());
            case "trim":
                return Str(a0, Bad, s => s.Trim());
            case "ltrim" or "rtrim" or "btrim" or "normalize" or "char_length" or "character_length" or "randomuuid":
                return CallString(f, args, Bad, context);
            case "replace":
                if (args.Any(a => a is null))
                {
                    return null;
                }

                if (args.Any(a => a is not string))
                {
                    throw Bad("expects strings");
                }

                return Replace((string)a0!, (string)args[1]!, (string)args[2]!, context);
            case "split":
                if (args.Any(a => a is null))
                {
                    return null;
                }

                if (args.Any(a => a is not string))
                {
                    throw Bad("expects strings");
                }

                return Split((string)a0!, (string)args[1]!, context);
            case "substring":
                {
                    if (a0 is null)
                    {
                        return null;
                    }

                    if (a0 is not string s || args[1] is not long start || (args.Length > 2 && args[2] is not long))
                    {
                        throw Bad("expects a string and integers");
                    }

                    if (start < 0 || (args.Length > 2 && (long)args[2]! < 0))
                    {
                        throw context.RuntimeError("ArgumentError", "NegativeIntegerArgument", "substring(): negative argument", f.Offset);
                    }

                    if (start >= s.Length)
                    {
                        return "";
                    }

                    var length = args.Length > 2 ? Math.Min((long)args[2]!, s.Length - start) : s.Length - start;
                    return s.Substring((int)start, (int)length);
                }

            case "left":
            case "right":
                {
                    if (a0 is null)
                    {
                        return null;
                    }

                    if (args[1] is null)
                    {
                        throw context.RuntimeError("ArgumentError", "InvalidArgumentValue", $"{f.Name}(): length must not be null", f.Offset);
                    }

                    if (a0 is not string s || args[1] is not long n)
                    {
                        throw Bad("expects a string and an integer");
                    }

                    if (n < 0)
                    {
                        throw context.RuntimeError("ArgumentError", "NegativeIntegerArgument", $"{f.Name}(): negative length", f.Offset);
                    }

                    var k = (int)Math.Min(n, s.Length);
                    return f.LowerName == "left" ? s[..k] : s[^k..];
                }

            case "valuetype":
                return a0 switch
                {
                    null => "NULL",
                    bool => "BOOLEAN NOT NULL",
                    long => "INTEGER NOT NULL",
                    double => "FLOAT NOT NULL",
                    string => "STRING NOT NULL",
                    NodeRef => "NODE NOT NULL",
                    RelRef => "RELATIONSHIP NOT NULL",
                    PathValue => "PATH NOT NULL",
                    Dictionary<string, object?> => "MAP NOT NULL",
                    Graph.Model.SpatialPoint => "POINT NOT NULL",
                    DateValue => "DATE NOT NULL",
                    LocalTimeValue => "LOCAL TIME NOT NULL",
                    TimeValue => "ZONED TIME NOT NULL",
                    LocalDateTimeValue => "LOCAL DATETIME NOT NULL",
                    DateTimeValue => "ZONED DATETIME NOT NULL",
                    DurationValue => "DURATION NOT NULL",
                    _ => "LIST<ANY> NOT NULL",
                };
            case "tobooleanlist" or "tointegerlist" or "tofloatlist" or "tostringlist":
                {
                    if (a0 is null)
                    {
                        return null;
                    }

                    if (a0 is not List<object?> list)
                    {
                        throw Bad("expects a list");
                    }

                    var inner = f.LowerName[..^4] + "ornull";
                    return list.Select(v => Call(evaluator, new FunctionExpr(f.Offset, inner, false, [new LiteralExpr(f.Offset, v)]), row)).ToList();
                }

            default:
                if (AggregateNames.Contains(f.LowerName))
                {
                    throw new CypherException("SyntaxError", "InvalidAggregation", $"Aggregation {f.Name} is not allowed here",
                        Positions.Of(context.Text, f.Offset));
                }

                throw new CypherException("SyntaxError", "UnknownFunction", $"Unknown function '{f.Name}'",
                    Positions.Of(context.Text, f.Offset));
        }
    }

    private static object? ParseInteger(string s)
    {
        s = s.Trim();
        if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d))
        {
            return (long)Math.Truncate(d);
        }

        return null;
    }

    private static object? Numeric(object? v, Func<string, CypherException> bad, Func<long, object?> onLong, Func<double, object?> onDouble) =>
        v switch
        {
            null => null,
            long l => onLong(l),
            double d => onDouble(d),
            _ => throw bad("expects a number"),
        };

    private static object? Double(object? v, Func<string, CypherException> bad, Func<double, double> op) => v switch
    {
        null => null,
        long l => op(l),
        double d => op(d),
        _ => throw bad("expects a number"),
    };

    private static object? Str(object? v, Func<string, CypherException> bad, Func<string, string> op) => v switch
    {
        null => null,
        string s => op(s),
        _ => throw bad("expects a string"),
    };

    /// <summary>A boxed integer and its slot in the list.</summary>
    private const long RangeElementBytes = 32;

    /// <summary>
    /// replace() with the size of the result checked before it is built (one call can multiply a string's length);
    /// an empty search string matches between every two characters, as in Neo4j.
    /// </summary>
    private static string Replace(string text, string search, string replacement, ExecutionContext context)
    {
        var matches = search.Length == 0 ? text.Length + 1L : Occurrences(text, search, context);
        var length = text.Length + (matches * (replacement.Length - (long)search.Length));
        context.Budget.CheckValue(ValueSize.OfString(length));
        // Built here rather than by string.Replace so that the time budget is checked at every match (the fuzzer
        // found a replace() of 4,096 matches running for seconds past the budget on a loaded machine).
        var builder = new System.Text.StringBuilder((int)Math.Min(length, int.MaxValue));
        if (search.Length == 0)
        {
            builder.Append(replacement);
            foreach (var c in text)
            {
                context.Tick();
                builder.Append(c).Append(replacement);
            }

            return builder.ToString();
        }

        var from = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, from, StringComparison.Ordinal))
        {
            context.Budget.CheckTime();
            builder.Append(text, from, at - from).Append(replacement);
            from = at + search.Length;
        }

        return builder.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>split() with the size of the pieces checked before they are made (splitting "aaaa" on "a" makes many empty strings).</summary>
    private static List<object?> Split(string text, string separator, ExecutionContext context)
    {
        var pieces = separator.Length == 0 ? 1 : Occurrences(text, separator, context) + 1;
        context.Budget.CheckValue(ValueSize.ListBytes + (pieces * (ValueSize.SlotBytes + ValueSize.OfString(0))) + (2L * text.Length));
        return text.Split(separator).Cast<object?>().ToList();
    }

    private static long Occurrences(string text, string search, ExecutionContext context)
    {
        long count = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
        {
            context.Tick();
            count++;
        }

        return count;
    }
}
