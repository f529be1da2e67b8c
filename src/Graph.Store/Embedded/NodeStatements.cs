namespace Graph.Store.Embedded;

/// <summary>
/// The statements several documents make about one node, kept so that a statement added or withdrawn
/// can be merged again without reading any document back. Statements by other documents are grouped
/// by their bytes: a stub cited by ten thousand documents is a handful of distinct statements, and only
/// the ordinally first document of each group can matter to the merge. The node's own document's
/// statement is kept apart, since it outranks all others whatever its place in the order.
/// </summary>
internal sealed class NodeStatements
{
    private readonly List<StatementGroup> _groups = [];
    private (int Document, byte[] Content)? _own;

    public bool IsEmpty => _own is null && _groups.Count == 0;

    /// <summary>
    /// The merge of the statements as last computed (null: not yet), with the document that supplied each
    /// property, so that one more statement merges in without going over the others (a hub is stated by
    /// thousands of documents, each with its own provenance).
    /// </summary>
    public MergedNode? Merged { get; set; }

    /// <summary>The statements that decide the merge: the node's own, and the first of each distinct group.</summary>
    public IEnumerable<(int Document, byte[] Content)> Deciding()
    {
        if (_own is { } own) yield return own;
        foreach (var group in _groups) yield return (group.First, group.Content);
    }

    /// <summary>Adds a statement; false when the merge cannot change (an identical statement by an earlier document stands).</summary>
    public bool Add(int document, ReadOnlySpan<byte> content, bool own, Func<int, int, int> compareDocuments)
    {
        if (own)
        {
            _own = (document, content.ToArray());
            return true;
        }
        foreach (var group in _groups)
        {
            if (!content.SequenceEqual(group.Content)) continue;
            group.Documents.Add(document);
            if (compareDocuments(document, group.First) >= 0) return false;
            group.First = document;
            return true;
        }
        _groups.Add(new StatementGroup(content.ToArray(), document));
        return true;
    }

    /// <summary>Withdraws a statement the document made; true when the merge may change.</summary>
    public bool Remove(int document, ReadOnlySpan<byte> content, bool own, Func<int, int, int> compareDocuments)
    {
        if (own)
        {
            if (_own?.Document != document) return false;
            _own = null;
            return true;
        }
        for (var i = 0; i < _groups.Count; i++)
        {
            var group = _groups[i];
            if (!content.SequenceEqual(group.Content) || !group.Documents.Remove(document)) continue;
            if (group.Documents.Count == 0)
            {
                _groups.RemoveAt(i);
                return true;
            }
            if (group.First != document) return false;
            group.First = group.Documents.Aggregate((a, b) => compareDocuments(a, b) <= 0 ? a : b);
            return true;
        }
        return false;
    }

    private sealed class StatementGroup(byte[] content, int first)
    {
        public byte[] Content { get; } = content;

        public List<int> Documents { get; } = [first];

        public int First { get; set; } = first;
    }
}
