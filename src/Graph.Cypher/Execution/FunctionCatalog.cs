namespace Graph.Cypher.Execution;

/// <summary>
/// The functions the engine knows, as SHOW FUNCTIONS lists them: Neo4j's spelling and category. The names come from
/// the tables the engine dispatches on (<see cref="Functions"/>, <see cref="TemporalFunctions"/>), so a function added
/// there is listed; only the spelling and the category are kept here.
/// </summary>
internal static class FunctionCatalog
{
    internal sealed record Entry(string Name, string Category, string Description, string Signature, bool Aggregating);

    private static readonly string[] Spellings =
    [
        "elementId", "startNode", "endNode", "toString", "toInteger", "toFloat", "toBoolean", "toStringOrNull", "toIntegerOrNull",
        "toFloatOrNull", "toBooleanOrNull", "toLower", "toUpper", "isEmpty", "valueType", "toBooleanList", "toIntegerList",
        "toFloatList", "toStringList", "isNaN", "percentileDisc", "percentileCont", "stDev", "stDevP", "datetime.fromEpoch",
        "datetime.fromEpochMillis", "duration.inMonths", "duration.inDays", "duration.inSeconds",
    ];

    private static readonly Dictionary<string, string> Categories = new()
    {
        ["id"] = "Scalar", ["elementid"] = "Scalar", ["labels"] = "List", ["type"] = "Scalar", ["properties"] = "Scalar",
        ["keys"] = "List", ["size"] = "Scalar", ["length"] = "Scalar", ["head"] = "Scalar", ["last"] = "Scalar", ["tail"] = "List",
        ["coalesce"] = "Scalar", ["exists"] = "Predicate", ["isempty"] = "Predicate", ["startnode"] = "Scalar", ["endnode"] = "Scalar",
        ["nodes"] = "List", ["relationships"] = "List", ["range"] = "List", ["reverse"] = "List", ["timestamp"] = "Scalar",
        ["valuetype"] = "Scalar", ["log"] = "Logarithmic", ["log10"] = "Logarithmic", ["exp"] = "Logarithmic", ["sqrt"] = "Logarithmic",
        ["e"] = "Logarithmic", ["point"] = "Spatial", ["point.distance"] = "Spatial",
    };

    private static readonly string[] Trigonometric = ["sin", "cos", "tan", "cot", "asin", "acos", "atan", "atan2", "degrees", "radians", "haversin", "pi"];

    private static readonly string[] Strings =
        ["tolower", "toupper", "trim", "ltrim", "rtrim", "replace", "substring", "left", "right", "split", "lower", "upper", "tostring", "tostringornull"];

    public static IReadOnlyList<Entry> All { get; } = Build();

    private static List<Entry> Build()
    {
        var spelled = Spellings.ToDictionary(s => s.ToLowerInvariant(), s => s);
        var entries = new List<Entry>();
        foreach (var (name, arity) in Functions.Known)
        {
            var category = Categories.GetValueOrDefault(name)
                ?? (Trigonometric.Contains(name) ? "Trigonometric"
                    : Strings.Contains(name) ? "String"
                    : name.StartsWith("to", StringComparison.Ordinal) ? "Scalar"
                    : name.EndsWith("list", StringComparison.Ordinal) ? "List"
                    : "Numeric");
            entries.Add(Make(spelled.GetValueOrDefault(name, name), category, arity.Min, arity.Max, aggregating: false));
        }

        foreach (var name in Functions.AggregateNames)
        {
            entries.Add(Make(spelled.GetValueOrDefault(name, name), "Aggregating", 1, name.StartsWith("percentile", StringComparison.Ordinal) ? 2 : 1, aggregating: true));
        }

        foreach (var name in TemporalFunctions.Names)
        {
            entries.Add(Make(spelled.GetValueOrDefault(name, name), "Temporal", 0, 1, aggregating: false));
        }

        return [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    private static Entry Make(string name, string category, int min, int max, bool aggregating)
    {
        var arguments = max == int.MaxValue ? "input :: LIST<ANY>" : string.Join(", ", Enumerable.Range(1, max).Select(i => i > min ? $"arg{i} = null :: ANY" : $"arg{i} :: ANY"));
        return new Entry(name, category, $"{category} function {name}.", $"{name}({arguments}) :: ANY", aggregating);
    }
}
