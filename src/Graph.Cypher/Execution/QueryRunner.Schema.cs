using Graph.Cypher.Durability;
using Graph.Cypher.Storage;
using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// Schema commands (CREATE/DROP INDEX, CREATE/DROP CONSTRAINT) and the uniqueness constraints every write must keep.
/// A schema command that changed the catalog is saved like a write, so it is declared again when the store reopens.
/// </summary>
internal sealed partial class QueryRunner
{
    private static CypherResult RunSchemaCommand(IGraphAccess graph, CypherOptions options, SchemaCommand command, string text,
        IReadOnlyDictionary<string, object?> parameters, SaveWrite? save, StatementClock? clock)
    {
        if (options.ReadOnly)
        {
            throw new CypherException("ReadOnly", "WriteNotAllowed", "Schema commands are not allowed in read-only mode", null);
        }

        if (graph is TransactionalGraphAccess)
        {
            // As in Neo4j: a schema change is not undone with data writes, so it runs in a transaction of its own.
            throw new CypherException("TransactionType", "ForbiddenDueToTransactionType",
                "Schema commands cannot run inside an explicit transaction; run them on their own (auto-commit)", null);
        }

        using var graphLock = graph.Enter(write: true);
        var catalog = graph.Schema;
        CypherCounters counters;
        Action undo;
        switch (command)
        {
            case CreateIndexCommand create:
                var added = catalog.TryAddIndex(create.Name, create.Type, create.OnNodes, create.LabelsOrTypes, create.Properties, create.IfNotExists, out var index);
                if (added && create.OnNodes && create.Type != "FULLTEXT") graph.BuildPropertyIndex(index.LabelsOrTypes[0], index.Properties[0]);
                counters = new CypherCounters { IndexesAdded = added ? 1 : 0 };
                undo = () => catalog.TryDrop(constraint: false, index.Name, ifExists: true);
                break;
            case CreateConstraintCommand constraint:
                {
                    var made = catalog.TryAddConstraint(constraint.Name, constraint.Label, constraint.Properties, constraint.IfNotExists,
                        () => ThrowIfNotUnique(graph, constraint.Label, constraint.Properties, graph.NodesWithLabel(constraint.Label), creating: true),
                        out var definition);
                    if (made) graph.BuildPropertyIndex(definition.Label, definition.Properties[0]);
                    counters = new CypherCounters { ConstraintsAdded = made ? 1 : 0 };
                    undo = () => catalog.TryDrop(constraint: true, definition.Name, ifExists: true);
                    break;
                }

            case DropSchemaCommand drop:
                {
                    var indexBefore = catalog.Indexes.FirstOrDefault(i => i.Name == drop.Name);
                    var constraintBefore = catalog.Constraints.FirstOrDefault(c => c.Name == drop.Name);
                    var dropped = catalog.TryDrop(drop.Constraint, drop.Name, drop.IfExists);
                    counters = drop.Constraint
                        ? new CypherCounters { ConstraintsRemoved = dropped ? 1 : 0 }
                        : new CypherCounters { IndexesRemoved = dropped ? 1 : 0 };
                    undo = () =>
                    {
                        if (constraintBefore is not null) catalog.TryAddConstraint(constraintBefore.Name, constraintBefore.Label, constraintBefore.Properties, true, () => { }, out _);
                        else if (indexBefore is not null) catalog.TryAddIndex(indexBefore.Name, indexBefore.Type, indexBefore.OnNodes, indexBefore.LabelsOrTypes, indexBefore.Properties, true, out _);
                    };
                    break;
                }

            default:
                throw new CypherException("SyntaxError", "UnexpectedSyntax", "Unknown schema command", Positions.Of(text, command.Offset));
        }

        if (save is not null && counters.ContainsUpdates)
        {
            SavedWriteRules.ThrowIfUnsavable(text);
            try
            {
                save(text, parameters, clock ?? new StatementClock(DateTime.UtcNow, 0));
            }
            catch (Exception e) when (e is IOException or NotSupportedException)
            {
                undo();
                throw new CypherException("WriteNotSaved", "WriteNotSaved", $"The schema change was undone because it could not be saved: {e.Message}", null, CypherErrorPhase.Runtime);
            }
        }

        return new CypherResult([], [], counters);
    }

    /// <summary>
    /// Refuses a write that leaves two nodes of a constrained label with the same values: only the nodes the write
    /// created or changed are looked at, each against the others of its label with the same first value.
    /// </summary>
    private static void ThrowIfConstraintsBroken(TransactionalGraphAccess transaction)
    {
        var constraints = transaction.Schema.Constraints;
        if (constraints.Count == 0 || transaction.ChangedNodes.Count == 0) return;
        foreach (var constraint in constraints)
        {
            var changed = transaction.ChangedNodes.Where(n => transaction.NodeExists(n) && transaction.HasLabel(n, constraint.Label)).ToList();
            foreach (var node in changed)
            {
                if (!transaction.NodeProperties(node).TryGetValue(constraint.Properties[0], out var first) || first is null) continue;
                ThrowIfNotUnique(transaction, constraint.Label, constraint.Properties,
                    transaction.NodesWithProperty(constraint.Label, constraint.Properties[0], first), creating: false);
            }
        }
    }

    private static void ThrowIfNotUnique(IGraphAccess graph, string label, IReadOnlyList<string> properties, IEnumerable<long> candidates, bool creating)
    {
        var seen = new Dictionary<object?[], long>(CypherValues.KeyComparer.Instance);
        foreach (var node in candidates)
        {
            if (!graph.NodeExists(node) || !graph.HasLabel(node, label)) continue;
            var values = graph.NodeProperties(node);
            var key = properties.Select(p => values.GetValueOrDefault(p)).ToArray();
            if (key.Any(v => v is null)) continue;
            if (seen.TryGetValue(key, out var other))
            {
                var shown = string.Join(", ", properties.Select((p, i) => $"{p} = {Functions.ToCypherString(ValueConversion.FromClr(key[i]))}"));
                throw creating
                    ? new CypherException("SchemaError", "ConstraintCreationFailed",
                        $"Unable to create Constraint( type='UNIQUENESS', schema=(:{label} {{{string.Join(", ", properties)}}}) ): both node {other} and node {node} have the label `{label}` and {shown}",
                        null, CypherErrorPhase.Runtime)
                    : new CypherException("ConstraintVerificationFailed", "ConstraintValidationFailed",
                        $"Node({node}) already exists with label `{label}` and {shown}", null, CypherErrorPhase.Runtime);
            }

            seen[key] = node;
        }
    }
}
