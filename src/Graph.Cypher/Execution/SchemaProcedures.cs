using Graph.Cypher.Storage;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// Neo4j's schema procedures, which tools and text-to-Cypher assistants call to learn a graph's shape:
/// <c>db.schema.visualization()</c> (one virtual node per label, one virtual relationship per label–type–label triple),
/// <c>db.schema.nodeTypeProperties()</c> and <c>db.schema.relTypeProperties()</c> (each property of each label set or
/// relationship type, its value types and whether every entity has it). They read the whole graph once per call.
/// </summary>
internal static class SchemaProcedures
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["db.labels"] = "List all labels attached to nodes within a database.",
        ["db.relationshipTypes"] = "List all types attached to relationships within a database.",
        ["db.propertyKeys"] = "List all property keys in the database.",
        ["dbms.components"] = "List DBMS components and their versions.",
        ["db.ping"] = "This procedure can be used by client side tooling to test whether they are correctly connected to a database.",
        ["db.schema.visualization"] = "Visualizes the schema of the data based on available statistics.",
        ["db.schema.nodeTypeProperties"] = "Show the derived property schema of the nodes in tabular form.",
        ["db.schema.relTypeProperties"] = "Show the derived property schema of the relationships in tabular form.",
        ["db.index.fulltext.queryNodes"] = "Query the given full-text index. Returns the matching nodes, and their Lucene query score, ordered by score.",
        ["db.index.fulltext.queryRelationships"] = "Query the given full-text index. Returns the matching relationships, and their Lucene query score, ordered by score.",
    };

    public static string Describe(string procedure) => Descriptions.GetValueOrDefault(procedure, "");

    public static IEnumerable<CypherProcedure> For(IGraphAccess graph) =>
    [
        new("db.schema.visualization", [], [new("nodes", "LIST<NODE>"), new("relationships", "LIST<RELATIONSHIP>")], _ => [Visualization(graph)]),
        new("db.schema.nodeTypeProperties", [],
            [new("nodeType", "STRING"), new("nodeLabels", "LIST<STRING>"), new("propertyName", "STRING"), new("propertyTypes", "LIST<STRING>"), new("mandatory", "BOOLEAN")],
            _ => NodeTypeProperties(graph)),
        new("db.schema.relTypeProperties", [],
            [new("relType", "STRING"), new("propertyName", "STRING"), new("propertyTypes", "LIST<STRING>"), new("mandatory", "BOOLEAN")],
            _ => RelTypeProperties(graph)),
        new("db.index.fulltext.queryNodes", [new("indexName", "STRING"), new("queryString", "STRING")], [new("node", "NODE"), new("score", "FLOAT")],
            args => FullText(graph, args, onNodes: true)),
        new("db.index.fulltext.queryRelationships", [new("indexName", "STRING"), new("queryString", "STRING")],
            [new("relationship", "RELATIONSHIP"), new("score", "FLOAT")],
            args => FullText(graph, args, onNodes: false)),
    ];

    private static IEnumerable<IReadOnlyList<object?>> FullText(IGraphAccess graph, IReadOnlyList<object?> args, bool onNodes)
    {
        if (args[0] is not string name || args[1] is not string query)
        {
            throw new CypherException("ProcedureError", "ProcedureCallFailed", "Failed to invoke procedure: the index name and the query must be strings", null, CypherErrorPhase.Runtime);
        }

        var index = graph.Schema.FullText(name, onNodes);
        return index.Query(graph, query)
            .Where(hit => onNodes ? graph.NodeExists(hit.Id) : graph.RelationshipExists(hit.Id))
            .Select(hit => (IReadOnlyList<object?>)[onNodes ? new NodeRef(hit.Id) : new RelRef(hit.Id), hit.Score]);
    }

    private static IReadOnlyList<object?> Visualization(IGraphAccess graph)
    {
        var labels = graph.AllNodes().SelectMany(graph.LabelsOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var schema = graph.Schema;
        var nodes = labels.Select((label, i) => new CypherNode($"-{i + 1}", [label], new Dictionary<string, object?>
        {
            ["name"] = label,
            ["indexes"] = schema.Indexes.Where(x => x.OnNodes && x.OwningConstraint is null && x.LabelsOrTypes.Contains(label))
                .SelectMany(x => x.Properties).Distinct().Select(p => (object?)p).ToList(),
            ["constraints"] = schema.Constraints.Where(c => c.Label == label)
                .Select(c => (object?)$"Constraint( name='{c.Name}', type='UNIQUENESS', schema=(:{label} {{{string.Join(", ", c.Properties)}}}) )").ToList(),
        })).ToList();
        var byLabel = nodes.ToDictionary(n => n.Labels[0], StringComparer.Ordinal);
        var triples = new HashSet<(string Start, string Type, string End)>();
        foreach (var relationship in graph.AllRelationships())
        {
            var (start, end, type) = graph.Endpoints(relationship);
            foreach (var from in graph.LabelsOf(start))
                foreach (var to in graph.LabelsOf(end))
                    triples.Add((from, type, to));
        }

        var relationships = triples.OrderBy(t => t.Start, StringComparer.Ordinal).ThenBy(t => t.Type, StringComparer.Ordinal).ThenBy(t => t.End, StringComparer.Ordinal)
            .Select((t, i) => (object?)new CypherRelationship($"-{i + 1}", byLabel[t.Start].ElementId, byLabel[t.End].ElementId, t.Type,
                new Dictionary<string, object?> { ["name"] = t.Type })).ToList();
        return [nodes.Select(n => (object?)n).ToList(), relationships];
    }

    private static IEnumerable<IReadOnlyList<object?>> NodeTypeProperties(IGraphAccess graph)
    {
        var groups = graph.AllNodes().GroupBy(n => string.Join("\u0001", graph.LabelsOf(n).Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var labels = group.Key.Length == 0 ? [] : group.Key.Split('\u0001');
            var nodeType = ":" + string.Join(":", labels.Select(l => $"`{l}`"));
            var stats = Profile(group.Select(graph.NodeProperties), out var count);
            if (stats.Count == 0)
            {
                yield return [nodeType, labels.ToList<object?>(), null, null, false];
            }

            foreach (var (property, (seen, types)) in stats.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                yield return [nodeType, labels.ToList<object?>(), property, types.Order(StringComparer.Ordinal).ToList<object?>(), seen == count];
            }
        }
    }

    private static IEnumerable<IReadOnlyList<object?>> RelTypeProperties(IGraphAccess graph)
    {
        var groups = graph.AllRelationships().GroupBy(r => graph.Endpoints(r).Type, StringComparer.Ordinal);
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var relType = $":`{group.Key}`";
            var stats = Profile(group.Select(graph.RelationshipProperties), out var count);
            if (stats.Count == 0)
            {
                yield return [relType, null, null, false];
            }

            foreach (var (property, (seen, types)) in stats.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                yield return [relType, property, types.Order(StringComparer.Ordinal).ToList<object?>(), seen == count];
            }
        }
    }

    /// <summary>Per property: how many entities have it, and the type names of its values.</summary>
    private static Dictionary<string, (long Seen, HashSet<string> Types)> Profile(IEnumerable<IReadOnlyDictionary<string, object?>> entities, out long count)
    {
        var stats = new Dictionary<string, (long Seen, HashSet<string> Types)>(StringComparer.Ordinal);
        count = 0;
        foreach (var properties in entities)
        {
            count++;
            foreach (var (key, value) in properties)
            {
                if (value is null) continue;
                var entry = stats.TryGetValue(key, out var found) ? found : (0L, new HashSet<string>(StringComparer.Ordinal));
                entry.Item2.Add(TypeName(value));
                stats[key] = (entry.Item1 + 1, entry.Item2);
            }
        }

        return stats;
    }

    /// <summary>Neo4j's property type names: String, Long, Double, Boolean, their arrays, the temporal types and Point.</summary>
    private static string TypeName(object value) => value switch
    {
        string => "String",
        long or int => "Long",
        double => "Double",
        bool => "Boolean",
        System.Collections.IList list => (list.Count > 0 && list[0] is { } first ? TypeName(first) : "String") + "Array",
        TemporalValue t => t.TypeName is "ZonedDateTime" or "OffsetDateTime" ? "DateTime" : t.TypeName,
        CypherTemporal t => t.Type is "ZonedDateTime" or "OffsetDateTime" ? "DateTime" : t.Type,
        Graph.Model.SpatialPoint => "Point",
        _ => value.GetType().Name,
    };
}
