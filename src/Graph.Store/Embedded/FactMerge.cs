using Graph.Model;

namespace Graph.Store.Embedded;

/// <summary>
/// A node's merged state: what the graph shows after every document's statements about it are combined,
/// and, per property, the document whose statement supplied the value (so a new statement can be merged
/// in without reading every earlier one).
/// </summary>
internal sealed record MergedNode(string Id, List<string> Labels, Dictionary<string, object?> Properties, Dictionary<string, string> Suppliers);

/// <summary>
/// Combines the statements of several documents about one node or relationship, by the rule of
/// <see cref="GraphMerger"/>: labels are united; the node's own document wins (a stub cited by 77/13
/// and the full 71/12 become the full 71/12, no longer a stub); otherwise the first statement of a
/// property stands, documents taken in ordinal order of their ids, so the merged graph does not
/// depend on the order documents were ingested in.
/// </summary>
internal static class FactMerge
{
    public static MergedNode? MergeNode(string nodeId, IEnumerable<(string Document, IReadOnlyList<string> Labels, IReadOnlyList<KeyValuePair<string, object?>> Properties)> statements)
    {
        MergedNode? merged = null;
        foreach (var statement in statements.OrderBy(s => s.Document, StringComparer.Ordinal))
            merged = AddStatement(merged, nodeId, statement.Document, statement.Labels, statement.Properties);
        return merged;
    }

    /// <summary>
    /// The merged node after one more statement, from <paramref name="document"/>, which did not state the
    /// node before. Gives the same result as merging every statement at once: a property goes to the
    /// node's own document, else to the statement of the ordinally first document that has it.
    /// </summary>
    public static MergedNode AddStatement(MergedNode? current, string nodeId, string document,
        IReadOnlyList<string> labels, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var merged = current is null
            ? new MergedNode(nodeId, [], new Dictionary<string, object?>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal))
            : new MergedNode(nodeId, [.. current.Labels], new Dictionary<string, object?>(current.Properties, StringComparer.Ordinal), new Dictionary<string, string>(current.Suppliers, StringComparer.Ordinal));
        var self = document == nodeId;
        var selfDescribed = self || merged.Suppliers.ContainsValue(nodeId);

        var labelSet = new SortedSet<string>(merged.Labels, StringComparer.Ordinal);
        labelSet.UnionWith(labels);
        merged.Labels.Clear();
        merged.Labels.AddRange(labelSet);

        foreach (var (key, value) in properties)
        {
            if (key == PropertyNames.Stub && selfDescribed) continue;
            var wins = !merged.Suppliers.TryGetValue(key, out var supplier)
                || self
                || (supplier != nodeId && string.CompareOrdinal(document, supplier) < 0);
            if (!wins) continue;
            merged.Properties[key] = value;
            merged.Suppliers[key] = document;
        }
        if (selfDescribed)
        {
            merged.Properties.Remove(PropertyNames.Stub);
            merged.Suppliers.Remove(PropertyNames.Stub);
        }
        merged.Properties[PropertyNames.Id] = nodeId;
        return merged;
    }
}
