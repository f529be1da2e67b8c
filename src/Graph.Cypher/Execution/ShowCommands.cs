using Graph.Cypher.Schema;
using Graph.Cypher.Storage;
using Graph.Cypher.Syntax;

namespace Graph.Cypher.Execution;

/// <summary>
/// SHOW INDEXES, SHOW CONSTRAINTS, SHOW PROCEDURES and SHOW FUNCTIONS, each as a hidden procedure with Neo4j 5's
/// columns (YIELD * gives all of them, no YIELD the default ones), which the parser calls in their place.
/// </summary>
internal static class ShowCommands
{
    private static readonly Dictionary<string, (string[] All, int Defaults)> Columns = new()
    {
        ["indexes"] = (["id", "name", "state", "populationPercent", "type", "entityType", "labelsOrTypes", "properties", "indexProvider",
            "owningConstraint", "lastRead", "readCount", "trackedSince", "options", "failureMessage", "createStatement"], 12),
        ["constraints"] = (["id", "name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "propertyType", "options",
            "createStatement"], 8),
        ["procedures"] = (["name", "description", "mode", "worksOnSystem", "signature", "argumentDescription", "returnDescription",
            "admin", "rolesExecution", "rolesBoostedExecution", "isDeprecated", "deprecatedBy", "option"], 4),
        ["functions"] = (["name", "category", "description", "signature", "isBuiltIn", "argumentDescription", "returnDescription",
            "aggregating", "rolesExecution", "rolesBoostedExecution", "isDeprecated", "deprecatedBy"], 3),
    };

    public static IEnumerable<string> DefaultColumns(string target) => Columns[target].All.Take(Columns[target].Defaults);

    /// <summary><paramref name="procedures"/> with the SHOW procedures added, reading <paramref name="graph"/> and those procedures.</summary>
    public static IReadOnlyDictionary<string, CypherProcedure> With(IReadOnlyDictionary<string, CypherProcedure> procedures, IGraphAccess graph)
    {
        var all = new Dictionary<string, CypherProcedure>(procedures, StringComparer.Ordinal);
        var visible = procedures.Values.Where(p => !p.Name.StartsWith(Parser.ShowProcedurePrefix, StringComparison.Ordinal))
            .Concat(SchemaProcedures.For(graph)).DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        Add(all, "indexes", filter => graph.Schema.Indexes.Where(i => filter is "ALL" || i.Type == filter).Select(IndexRow));
        Add(all, "constraints", filter => graph.Schema.Constraints.Where(_ => filter is "ALL" or "UNIQUE" or "NODE UNIQUE" or "UNIQUENESS")
            .Select(c => ConstraintRow(c, graph.Schema)));
        Add(all, "procedures", _ => visible.Select(ProcedureRow));
        Add(all, "functions", filter => filter == "USER DEFINED" ? [] : FunctionCatalog.All.Select(FunctionRow));
        return all;
    }

    private static void Add(Dictionary<string, CypherProcedure> all, string target, Func<string, IEnumerable<IReadOnlyList<object?>>> rows)
    {
        var name = Parser.ShowProcedurePrefix + target;
        all[name] = new CypherProcedure(name, [new("filter", "STRING")], Columns[target].All.Select(c => new CypherProcedureField(c, "ANY")).ToList(),
            args => rows((string)args[0]!).ToList());
    }

    private static IReadOnlyList<object?> IndexRow(IndexDefinition i) =>
    [
        i.Id, i.Name, "ONLINE", 100.0, i.Type, i.EntityType, i.Type == "LOOKUP" ? null : i.LabelsOrTypes.ToList<object?>(),
        i.Type == "LOOKUP" ? null : i.Properties.ToList<object?>(), i.Provider, i.OwningConstraint, null, 0L, null,
        new Dictionary<string, object?> { ["indexProvider"] = i.Provider, ["indexConfig"] = new Dictionary<string, object?>() }, "",
        i.CreateStatement,
    ];

    private static IReadOnlyList<object?> ConstraintRow(ConstraintDefinition c, SchemaCatalog catalog) =>
    [
        c.Id, c.Name, "UNIQUENESS", "NODE", new List<object?> { c.Label }, c.Properties.ToList<object?>(), c.Name, null,
        new Dictionary<string, object?> { ["indexProvider"] = "range-1.0", ["indexConfig"] = new Dictionary<string, object?>() },
        c.CreateStatement,
    ];

    private static IReadOnlyList<object?> ProcedureRow(CypherProcedure p)
    {
        var arguments = string.Join(", ", p.Parameters.Select(a => $"{a.Name} :: {a.Type}"));
        var outputs = string.Join(", ", p.Outputs.Select(o => $"{o.Name} :: {o.Type}"));
        return
        [
            p.Name, SchemaProcedures.Describe(p.Name), "READ", false, $"{p.Name}({arguments}) :: ({outputs})",
            p.Parameters.Select(a => (object?)Field(a)).ToList(), p.Outputs.Select(o => (object?)Field(o)).ToList(),
            false, null, null, false, null, new Dictionary<string, object?>(),
        ];
    }

    private static Dictionary<string, object?> Field(CypherProcedureField f) => new()
    {
        ["name"] = f.Name, ["description"] = $"{f.Name} :: {f.Type}", ["type"] = f.Type, ["isDeprecated"] = false,
    };

    private static IReadOnlyList<object?> FunctionRow(FunctionCatalog.Entry f) =>
    [
        f.Name, f.Category, f.Description, f.Signature, true, new List<object?>(), new List<object?>(), f.Aggregating, null, null, false, null,
    ];
}
