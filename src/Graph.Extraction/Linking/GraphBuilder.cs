using Graph.Model;

namespace Graph.Extraction.Linking;

/// <summary>
/// Collects the nodes and relationships of one document, stamping provenance (source document and
/// span) on each, and merging repeated statements of the same node within the document.
/// </summary>
internal sealed class GraphBuilder(GraphDocument document)
{
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    // Looked up by the parts of GraphRelationship.Id (type, ends, key), so looking one up builds no id string.
    private readonly HashSet<GraphRelationship> _relationships = new(RelationshipIdentity.Comparer);
    private HashSet<GraphRelationship>.AlternateLookup<(string Type, string Start, string End, string KeyText, int KeyNumber)> _byIdentity;

    public GraphDocument Document { get; } = document;

    /// <summary>
    /// States a node: its labels and the properties given (null values are left out). Properties arrive as a
    /// span of pairs, which a collection expression keeps on the stack: the node's own property map is the
    /// only one built, where a dictionary literal per call used to be built and thrown away.
    /// </summary>
    public GraphNode Node(string id, ReadOnlySpan<string> labels, ReadOnlySpan<(string Key, object? Value)> properties, SourceSpan? span)
    {
        // Read and written through the node itself: a view of its properties (Properties) would be an object per call.
        if (!_nodes.TryGetValue(id, out var node))
        {
            node = new GraphNode(id, []);
            node.EnsurePropertyCapacity(1 + Stated(properties));
            node.SetProperty(PropertyNames.Id, id);
            if (span is { } s) Stamp(node, s);
            _nodes[id] = node;
            Document.Nodes.Add(node);
        }
        foreach (var label in labels) node.AddLabel(label);
        foreach (var (key, value) in properties)
        {
            if (value is null || node.HasProperty(key)) continue;
            node.SetProperty(key, Shared(Normalised(value)));
        }
        return node;
    }

    /// <summary>A relationship with no properties but its provenance.</summary>
    public GraphRelationship Relationship(string type, string start, string end, SourceSpan? span, string? key = null) =>
        Relationship(type, start, end, [], span, key);

    /// <summary>States a relationship once; a repeated statement (same type, ends and key) returns the first.</summary>
    public GraphRelationship Relationship(string type, string start, string end, ReadOnlySpan<(string Key, object? Value)> properties, SourceSpan? span, string? key = null) =>
        Relationship(type, start, end, properties, span, key ?? "", GraphRelationship.NoKeyNumber);

    /// <summary>
    /// States a relationship keyed by <paramref name="keyText"/> followed by the digits of <paramref name="keyNumber"/>
    /// (where a citation or mention starts): the key is kept as the two and written out only when read.
    /// </summary>
    public GraphRelationship Relationship(string type, string start, string end, ReadOnlySpan<(string Key, object? Value)> properties, SourceSpan? span, string keyText, int keyNumber)
    {
        var identity = (type, start, end, keyText, keyNumber);
        if (_byIdentity.Set is null) _byIdentity = _relationships.GetAlternateLookup<(string, string, string, string, int)>();
        if (_byIdentity.TryGetValue(identity, out var existing)) return existing;
        var relationship = keyNumber == GraphRelationship.NoKeyNumber
            ? new GraphRelationship(type, SharedId(start), SharedId(end), null, keyText)
            : new GraphRelationship(type, SharedId(start), SharedId(end), keyText, keyNumber);
        relationship.EnsurePropertyCapacity(Stated(properties));
        foreach (var (k, value) in properties)
        {
            if (value is not null) relationship.SetProperty(k, Shared(Normalised(value)));
        }
        if (span is { } s) Stamp(relationship, s);
        _relationships.Add(relationship);
        Document.Relationships.Add(relationship);
        return relationship;
    }

    /// <summary>
    /// The value as the graph stores it. The linkers build their lists afresh for each call, of strings and longs,
    /// so those are kept rather than copied; anything else goes through <see cref="PropertyValues.Normalise"/>.
    /// </summary>
    private static object? Normalised(object value) => value switch
    {
        long number => Boxed(number, value),
        string or bool or double or DeferredText => value,
        List<object?> list when list.TrueForAll(v => v is null or string or long or bool or double) => SharingNumbers(list),
        _ => PropertyValues.Normalise(value),
    };

    /// <summary>The list with its small numbers (footnote numbers, mostly) as the shared boxes of <see cref="Boxed(int)"/>.</summary>
    private static List<object?> SharingNumbers(List<object?> list)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] is long number) list[i] = Boxed(number, list[i]!);
        return list;
    }

    /// <summary>
    /// The node's own id string for an end that names a stated node. A long text cites the same few documents thousands
    /// of times, each citation reading the symbol afresh: the relationships keep one string per document, not one each.
    /// </summary>
    private string SharedId(string id) => _nodes.TryGetValue(id, out var node) ? node.Id : id;

    private readonly HashSet<string> _shortValues = new(StringComparer.Ordinal);

    /// <summary>
    /// A short string value (a date, a name as written, a paragraph's verb) as the one equal string this document
    /// already holds: each paragraph reads its verb afresh, and a long text's paragraphs use a few dozen verbs.
    /// </summary>
    private object? Shared(object? value)
    {
        if (value is not string { Length: <= 40 } text) return value;
        if (_shortValues.TryGetValue(text, out var same)) return same;
        _shortValues.Add(text);
        return text;
    }

    /// <summary>How many of the properties have a value: the map is sized for those, not for the nulls left out (a citation has six slots and uses four).</summary>
    private static int Stated(ReadOnlySpan<(string Key, object? Value)> properties)
    {
        var count = 0;
        foreach (var (_, value) in properties) if (value is not null) count++;
        return count;
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> more relationships at once, so a long text's do not grow the collections by
    /// doubling. When they must grow, they get an eighth more than asked (the list's own EnsureCapacity would double
    /// it): the few relationships stated after a linker's estimate (a document's own citations, a heading's) then fit,
    /// rather than each request copying the collections again. A long text's copies are large objects, and allocating
    /// enough of those starts a full collection of a heap that holds all the graph built so far.
    /// </summary>
    public void EnsureRelationshipCapacity(int count)
    {
        var relationships = Document.Relationships;
        var needed = relationships.Count + count;
        if (relationships.Capacity >= needed) return;
        relationships.Capacity = needed + needed / 8;
        _relationships.EnsureCapacity(needed + needed / 8);
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> more nodes at once (a long text's paragraphs and footnotes), so the node
    /// table and list do not grow by doubling: each doubling past 85 KB is a large object, and enough of those allocated
    /// start a full collection of a heap that holds the graph built so far.
    /// </summary>
    public void EnsureNodeCapacity(int count)
    {
        var nodes = Document.Nodes;
        if (nodes.Capacity < nodes.Count + count) nodes.Capacity = nodes.Count + count;
        _nodes.EnsureCapacity(_nodes.Count + count);
    }

    public bool HasNode(string id) => _nodes.ContainsKey(id);

    public GraphNode? TryGetNode(string id) => _nodes.GetValueOrDefault(id);

    private void Stamp(PropertyHolder fact, SourceSpan span)
    {
        fact.SetProperty(PropertyNames.Source, Document.DocumentId);
        fact.SetSpanProperties(span);
    }

    /// <summary>
    /// A small number (a paragraph's ordinal, a footnote's number) as a box made once and shared: boxes are immutable,
    /// and a long text states thousands of them; a race only makes an equal box twice. Spans are kept unboxed (see
    /// <see cref="SortedPropertyMap.SetSpan"/>).
    /// </summary>
    private static object Boxed(int number) => SharedNumbers[number] ??= (long)number;

    /// <summary>A number already boxed as <paramref name="box"/>: the shared box of a small one, else the box itself.</summary>
    private static object Boxed(long number, object box) => (ulong)number < (ulong)SharedNumbers.Length ? Boxed((int)number) : box;

    /// <summary>A number as a property value: small ones (footnote numbers) as their shared box, so none is made per use.</summary>
    public static object Number(long number) => (ulong)number < (ulong)SharedNumbers.Length ? Boxed((int)number) : number;

    private static readonly object?[] SharedNumbers = new object?[1 << 15];

    /// <summary>A node id made of lower-case words: "Collective Security Treaty Organization" → "collective-security-treaty-organization".</summary>
    public static string Slug(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 120 ? slug[..120].TrimEnd('-') : slug;
    }
}
