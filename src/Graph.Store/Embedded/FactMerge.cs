using Graph.Model;

namespace Graph.Store.Embedded;

/// <summary>A node's merged state: what the graph shows after every document's statements about it are combined.</summary>
internal sealed record MergedNode(string Id, List<string> Labels, Dictionary<string, object?> Properties);

/// <summary>
/// Combines the statements of several documents about one node or relationship, by the rule of
/// <see cref="GraphMerger"/>: labels are united; the node's own document wins (a stub cited by 77/13
/// and the full 71/12 become the full 71/12, no longer a stub); otherwise the first statement of a
/// property stands, documents taken in ordinal order of their ids, so the merged graph does not
/// depend on the order documents were ingested in.
/// </summary>
internal static class FactMerge
{
    public static MergedNode? MergeNode(string nodeId, IEnumerable<(string Document, string Labels, string Properties)> statements)
    {
        var ordered = statements
            .OrderBy(s => s.Document == nodeId ? 0 : 1)
            .ThenBy(s => s.Document, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0) return null;

        var selfDescribed = ordered[0].Document == nodeId;
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var statement in ordered)
        {
            labels.UnionWith(PropertyJson.ReadLabels(statement.Labels));
            foreach (var (key, value) in PropertyJson.ReadProperties(statement.Properties))
            {
                if (selfDescribed && key == PropertyNames.Stub && statement.Document != nodeId) continue;
                properties.TryAdd(key, value);
            }
        }
        if (selfDescribed) properties.Remove(PropertyNames.Stub);
        properties[PropertyNames.Id] = nodeId;
        return new MergedNode(nodeId, [.. labels], properties);
    }

    /// <summary>A relationship is the first statement of it, documents in ordinal order (identity fixes type and ends).</summary>
    public static RelationshipFact? MergeRelationship(IEnumerable<(string Document, RelationshipFact Fact)> statements) =>
        statements.OrderBy(s => s.Document, StringComparer.Ordinal).Select(s => s.Fact).FirstOrDefault();
}
