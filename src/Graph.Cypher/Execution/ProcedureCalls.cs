using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>Argument types and the variables a CALL binds.</summary>
internal static class ProcedureCalls
{
    /// <summary>Whether a value of static type <paramref name="staticType"/> (null: unknown) may be passed as <paramref name="type"/>.</summary>
    public static bool Accepts(string type, string? staticType) => staticType is null or "Null" || Normalise(type) switch
    {
        "INTEGER" => staticType == "Integer",
        "FLOAT" => staticType is "Float" or "Integer",
        "NUMBER" => staticType is "Float" or "Integer",
        "STRING" => staticType == "String",
        "BOOLEAN" => staticType == "Boolean",
        "LIST" => staticType == "List",
        "MAP" => staticType == "Map",
        _ => true,
    };

    private static string Normalise(string type) => type.TrimEnd('?').Trim().ToUpperInvariant() switch
    {
        var t when t.StartsWith("LIST", StringComparison.Ordinal) => "LIST",
        var t => t,
    };

    /// <summary>
    /// (output field, variable name) pairs: the YIELD list; every output for a standalone call without YIELD or
    /// with YIELD *; none for an in-query call without YIELD.
    /// </summary>
    public static List<(string Field, string Name)> Bindings(CallClause call, CypherProcedure procedure, bool standalone)
    {
        if (call.Yield.Count > 0)
        {
            return call.Yield.Select(y => (y.Name, y.Alias ?? y.Name)).ToList();
        }

        return standalone || call.YieldStar ? procedure.Outputs.Select(o => (o.Name, o.Name)).ToList() : [];
    }

    public static object? Coerce(string type, object? value) =>
        Normalise(type) == "FLOAT" && value is long l ? (double)l : value;

    public static bool Matches(string type, object? value) => value is null || Normalise(type) switch
    {
        "INTEGER" => value is long,
        "FLOAT" or "NUMBER" => value is long or double,
        "STRING" => value is string,
        "BOOLEAN" => value is bool,
        _ => true,
    };

    public static string TypeOf(object? value) => CypherValues.TypeName(value);
}
