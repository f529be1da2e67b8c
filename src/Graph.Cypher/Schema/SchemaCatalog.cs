using System.Runtime.CompilerServices;

namespace Graph.Cypher.Schema;

/// <summary>An index as SHOW INDEXES lists it. <see cref="Type"/>: RANGE, TEXT or LOOKUP; <see cref="OnNodes"/> false for a relationship type.</summary>
internal sealed record IndexDefinition(long Id, string Name, string Type, bool OnNodes, IReadOnlyList<string> LabelsOrTypes,
    IReadOnlyList<string> Properties, string? OwningConstraint = null)
{
    public string EntityType => OnNodes ? "NODE" : "RELATIONSHIP";

    public string Provider => Type switch { "TEXT" => "text-2.0", "LOOKUP" => "token-lookup-1.0", "FULLTEXT" => "fulltext-1.0", _ => "range-1.0" };

    /// <summary>The statement that makes this index again, as SHOW INDEXES YIELD createStatement gives it.</summary>
    public string CreateStatement => Type == "LOOKUP"
        ? $"CREATE LOOKUP INDEX `{Name}` FOR (n) ON EACH labels(n)"
        : Type == "FULLTEXT"
            ? $"CREATE FULLTEXT INDEX `{Name}` FOR {(OnNodes ? "(n:" : "()-[n:")}{string.Join("|", LabelsOrTypes.Select(l => $"`{l}`"))}{(OnNodes ? ")" : "]-()")} ON EACH [{string.Join(", ", Properties.Select(p => $"n.`{p}`"))}]"
        : OnNodes
            ? $"CREATE {Type} INDEX `{Name}` FOR (n:`{LabelsOrTypes[0]}`) ON ({string.Join(", ", Properties.Select(p => $"n.`{p}`"))})"
            : $"CREATE {Type} INDEX `{Name}` FOR ()-[r:`{LabelsOrTypes[0]}`]-() ON ({string.Join(", ", Properties.Select(p => $"r.`{p}`"))})";
}

/// <summary>A uniqueness constraint on one label, and the index that backs it (same name).</summary>
internal sealed record ConstraintDefinition(long Id, string Name, string Label, IReadOnlyList<string> Properties)
{
    public string CreateStatement =>
        $"CREATE CONSTRAINT `{Name}` FOR (n:`{Label}`) REQUIRE ({string.Join(", ", Properties.Select(p => $"n.`{p}`"))}) IS UNIQUE";
}

/// <summary>
/// The indexes and constraints declared on one graph. It is attached to the graph object itself, so that the saved
/// schema commands made again when the store opens declare them for every engine later opened on that graph.
/// Changes are whole: a command either applies or leaves the catalog as it was.
/// </summary>
internal sealed class SchemaCatalog
{
    private static readonly ConditionalWeakTable<object, SchemaCatalog> Attached = new();

    /// <summary>Neo4j's name for the node label lookup index every database has; the store keeps a label index always.</summary>
    public const string LabelLookupName = "index_343aff4e";

    private readonly Lock gate = new();
    private readonly List<IndexDefinition> indexes = [new(1, LabelLookupName, "LOOKUP", true, [], [])];
    private readonly List<ConstraintDefinition> constraints = [];
    private long nextId = 2;

    private Dictionary<string, long>? typeCounts;
    private long typeCountsAt = -1;

    /// <summary>
    /// Relationships per type, for the planner's estimates: counted once, and again when the number of relationships
    /// has changed since (the store keeps no count per type).
    /// </summary>
    public IReadOnlyDictionary<string, long> RelationshipTypeCounts(Storage.IGraphAccess graph)
    {
        var total = graph.CountRelationships();
        lock (gate)
        {
            if (typeCounts is not null && typeCountsAt == total) return typeCounts;
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var relationship in graph.AllRelationships())
        {
            var type = graph.Endpoints(relationship).Type;
            counts[type] = counts.GetValueOrDefault(type) + 1;
        }

        lock (gate)
        {
            typeCounts = counts;
            typeCountsAt = total;
        }

        return counts;
    }

    /// <summary>The full-text index every store graph has: paragraph text and document titles, as an analyst searches them.</summary>
    public const string DocumentTextName = "documentText";

    private readonly Dictionary<string, FullTextIndex> fullText = new(StringComparer.Ordinal);

    /// <summary>Cypher writes committed on this graph, so that a full-text index knows when to build itself again.</summary>
    public long Writes => Interlocked.Read(ref writes);

    private long writes;

    public void DataChanged() => Interlocked.Increment(ref writes);

    /// <summary>
    /// The catalog of <paramref name="graph"/>, created on first use with the label lookup and, on the store's graph, the
    /// full-text index over paragraph text and document titles.
    /// </summary>
    public static SchemaCatalog Of(object graph) => Attached.GetValue(graph, g =>
    {
        var catalog = new SchemaCatalog();
        if (g is Graph.Store.Memory.MemoryGraph)
        {
            catalog.TryAddIndex(DocumentTextName, "FULLTEXT", true, ["Paragraph", "Document"], ["text", "title"], ifNotExists: true, out _);
        }

        return catalog;
    });

    /// <summary>The named full-text index, ready to query; an error naming the index when there is none.</summary>
    public FullTextIndex FullText(string name, bool onNodes)
    {
        lock (gate)
        {
            var definition = indexes.FirstOrDefault(i => i.Name == name && i.Type == "FULLTEXT" && i.OnNodes == onNodes)
                ?? throw new CypherException("ProcedureError", "ProcedureCallFailed",
                    $"Failed to invoke procedure: There is no such {(onNodes ? "node" : "relationship")} full-text index: {name}", null, CypherErrorPhase.Runtime);
            if (!fullText.TryGetValue(name, out var index) || !ReferenceEquals(index.Definition, definition))
            {
                index?.Dispose();
                fullText[name] = index = new FullTextIndex(definition);
            }

            return index;
        }
    }

    public IReadOnlyList<IndexDefinition> Indexes
    {
        get
        {
            lock (gate) return [.. indexes];
        }
    }

    public IReadOnlyList<ConstraintDefinition> Constraints
    {
        get
        {
            lock (gate) return [.. constraints];
        }
    }

    /// <summary>The RANGE or TEXT index on (label, property) as its first property, if one is declared.</summary>
    public IndexDefinition? NodeIndexOn(string label, string property)
    {
        lock (gate)
        {
            return indexes.FirstOrDefault(i => i.OnNodes && i.Type is "RANGE" or "TEXT" && i.LabelsOrTypes[0] == label && i.Properties[0] == property);
        }
    }

    private readonly Dictionary<(string, string), OrderedIndex> ordered = [];

    /// <summary>The ordered lookups of the RANGE or TEXT index on (label, property), if one is declared.</summary>
    public OrderedIndex? Ordered(string label, string property)
    {
        if (NodeIndexOn(label, property) is null) return null;
        lock (gate)
        {
            if (!ordered.TryGetValue((label, property), out var index)) ordered[(label, property)] = index = new OrderedIndex(label, property);
            return index;
        }
    }

    private readonly Dictionary<(string, string), RelationshipIndex> relationshipIndexes = [];

    /// <summary>The lookups of the RANGE or TEXT index on relationships (type, property), if one is declared.</summary>
    public RelationshipIndex? OnRelationships(string type, string property)
    {
        lock (gate)
        {
            if (!indexes.Any(i => !i.OnNodes && i.Type is "RANGE" or "TEXT" && i.LabelsOrTypes[0] == type && i.Properties[0] == property)) return null;
            if (!relationshipIndexes.TryGetValue((type, property), out var index))
            {
                relationshipIndexes[(type, property)] = index = new RelationshipIndex(type, property);
            }

            return index;
        }
    }

    /// <summary>Whether (label, property) alone must be unique.</summary>
    public bool IsUnique(string label, string property)
    {
        lock (gate)
        {
            return constraints.Any(c => c.Label == label && c.Properties.Count == 1 && c.Properties[0] == property);
        }
    }

    /// <summary>Adds an index unless an equivalent or same-named one exists; false when nothing changed.</summary>
    public bool TryAddIndex(string? name, string type, bool onNodes, IReadOnlyList<string> labelsOrTypes, IReadOnlyList<string> properties,
        bool ifNotExists, out IndexDefinition index)
    {
        lock (gate)
        {
            name ??= GeneratedName("index", type, labelsOrTypes, properties);
            var equivalent = indexes.FirstOrDefault(i => i.Type == type && i.OnNodes == onNodes &&
                i.LabelsOrTypes.SequenceEqual(labelsOrTypes) && i.Properties.SequenceEqual(properties));
            var sameName = indexes.FirstOrDefault(i => i.Name == name) is { } i2 ? i2 : null;
            var sameNameConstraint = constraints.Any(c => c.Name == name);
            if (equivalent is not null || sameName is not null || sameNameConstraint)
            {
                if (ifNotExists)
                {
                    index = equivalent ?? sameName!;
                    return false;
                }

                throw SchemaError("IndexAlreadyExists", equivalent is not null
                    ? $"An equivalent index already exists, '{equivalent.Name}'."
                    : $"There already exists an index or constraint called '{name}'.");
            }

            if (constraints.Any(c => onNodes && type == "RANGE" && c.Label == labelsOrTypes[0] && c.Properties.SequenceEqual(properties)))
            {
                throw SchemaError("IndexAlreadyExists", "There is a uniqueness constraint on these properties, and its index already serves them.");
            }

            index = new IndexDefinition(nextId++, name, type, onNodes, [.. labelsOrTypes], [.. properties]);
            indexes.Add(index);
            return true;
        }
    }

    /// <summary>Adds a uniqueness constraint and its index after <paramref name="verify"/> accepted the data; false when it existed.</summary>
    public bool TryAddConstraint(string? name, string label, IReadOnlyList<string> properties, bool ifNotExists, Action verify,
        out ConstraintDefinition constraint)
    {
        lock (gate)
        {
            name ??= GeneratedName("constraint", "UNIQUENESS", [label], properties);
            var equivalent = constraints.FirstOrDefault(c => c.Label == label && c.Properties.SequenceEqual(properties));
            var sameName = constraints.FirstOrDefault(c => c.Name == name);
            if (equivalent is not null || sameName is not null || indexes.Any(i => i.Name == name))
            {
                if (ifNotExists && (equivalent ?? sameName) is { } existing)
                {
                    constraint = existing;
                    return false;
                }

                throw SchemaError("EquivalentSchemaRuleAlreadyExists", equivalent is not null
                    ? $"An equivalent constraint already exists, '{equivalent.Name}'."
                    : $"There already exists an index or constraint called '{name}'.");
            }

            if (indexes.FirstOrDefault(i => i.OnNodes && i.Type == "RANGE" && i.LabelsOrTypes[0] == label && i.Properties.SequenceEqual(properties)) is { } index)
            {
                throw SchemaError("IndexAlreadyExists",
                    $"There already exists an index '{index.Name}' on these properties; drop it before creating the constraint, which brings its own.");
            }

            verify();
            constraint = new ConstraintDefinition(nextId++, name, label, [.. properties]);
            constraints.Add(constraint);
            indexes.Add(new IndexDefinition(nextId++, name, "RANGE", true, [label], [.. properties], OwningConstraint: name));
            return true;
        }
    }

    /// <summary>Drops the named index (not one a constraint owns) or constraint (with its index); false when absent and <paramref name="ifExists"/>.</summary>
    public bool TryDrop(bool constraint, string name, bool ifExists)
    {
        lock (gate)
        {
            if (constraint)
            {
                var found = constraints.FirstOrDefault(c => c.Name == name);
                if (found is null) return ifExists ? false : throw SchemaError("ConstraintDropFailed", $"Unable to drop constraint `{name}`: No such constraint {name}.");
                constraints.Remove(found);
                indexes.RemoveAll(i => i.OwningConstraint == name);
                return true;
            }

            var index = indexes.FirstOrDefault(i => i.Name == name);
            if (index is null) return ifExists ? false : throw SchemaError("IndexDropFailed", $"Unable to drop index: Index does not exist: {name}");
            if (index.OwningConstraint is not null)
                throw SchemaError("IndexDropFailed", $"Unable to drop index: Index belongs to constraint: `{index.OwningConstraint}`");
            if (index.Type == "LOOKUP") throw SchemaError("IndexDropFailed", "The label lookup index is built in and cannot be dropped");
            indexes.Remove(index);
            return true;
        }
    }

    /// <summary>
    /// Neo4j names an unnamed index after a hash of its definition (<c>index_1a2b3c4d</c>); a stable hash keeps the name
    /// the same when the saved command is made again.
    /// </summary>
    private static string GeneratedName(string prefix, string type, IEnumerable<string> labels, IEnumerable<string> properties)
    {
        var hash = 2166136261u;
        foreach (var c in $"{type}|{string.Join(",", labels)}|{string.Join(",", properties)}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return $"{prefix}_{hash:x8}";
    }

    public static CypherException SchemaError(string detail, string message) =>
        new("SchemaError", detail, message, null, CypherErrorPhase.Runtime);
}
