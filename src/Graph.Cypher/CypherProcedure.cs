namespace Graph.Cypher;

/// <summary>A named, typed field of a procedure's signature; <paramref name="Type"/> is STRING, INTEGER, FLOAT, NUMBER, BOOLEAN or ANY.</summary>
public sealed record CypherProcedureField(string Name, string Type);

/// <summary>
/// A procedure the host offers to queries (<c>CALL name(args) YIELD …</c>). <paramref name="Invoke"/> receives the
/// arguments in signature order and returns result rows, each with one value per output field.
/// </summary>
public sealed record CypherProcedure(
    string Name,
    IReadOnlyList<CypherProcedureField> Parameters,
    IReadOnlyList<CypherProcedureField> Outputs,
    Func<IReadOnlyList<object?>, IEnumerable<IReadOnlyList<object?>>> Invoke);
