using System.Text;
using Graph.Store.Memory;

namespace Graph.Store.Embedded;

/// <summary>
/// The relationships leaving a node with many, by type, end and key, for the length of one document's apply. Found through
/// the node's adjacency list, each lookup read the whole list: a paragraph that cites one document 50,000 times (an upload
/// within its bounds) took 50,000² key comparisons to store, minutes of a core, and the document node of a text with
/// 50,000 paragraphs as many. A node's index is made the first time it is looked up with more than
/// <see cref="IndexedFrom"/> relationships, and kept up to date as the apply creates and deletes them.
/// </summary>
/// <remarks>
/// The graph may hold two relationships of one identity (a query can create them): a node with such a pair is read through
/// its list, as before, so that the one found is the one the list gives first.
/// </remarks>
internal sealed class OutgoingIndexes(MemoryGraph graph)
{
    /// <summary>Up to this many relationships a node's list is read: an index costs more than reading a short list.</summary>
    internal const int IndexedFrom = 64;

    // Null for a node read through its list (one with two relationships of one identity).
    private readonly Dictionary<long, Dictionary<(string Type, long End, string Key), long>?> _byStart = [];

    /// <summary>As <see cref="MemoryGraph.TryFindRelationship"/>.</summary>
    public bool TryFind(long start, string type, long end, string key, out long id)
    {
        if (IndexOf(start) is { } index) return index.TryGetValue((type, end, AsStored(key)), out id);
        return graph.TryFindRelationship(start, type, end, key, out id);
    }

    public void Created(long start, string type, long end, string key, long id)
    {
        if (_byStart.TryGetValue(start, out var index) && index is not null) index[(type, end, AsStored(key))] = id;
    }

    public void Deleted(long start, string type, long end, string key)
    {
        if (_byStart.TryGetValue(start, out var index) && index is not null) index.Remove((type, end, AsStored(key)));
    }

    /// <summary>
    /// The key as the graph reads it back from a relationship's record, which holds it in UTF-8: half of a surrogate pair
    /// is stored as U+FFFD, and the list compares a key by its UTF-8 bytes, so a key a caller states with one must be found
    /// as the record holds it, not as stated (a second document stating the relationship made a duplicate of it).
    /// </summary>
    private static string AsStored(string key) =>
        key.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key)) : key;

    /// <summary>Drops every index: relationships went that were not deleted one by one (a node's, with it).</summary>
    public void Forget() => _byStart.Clear();

    private Dictionary<(string Type, long End, string Key), long>? IndexOf(long start)
    {
        if (_byStart.TryGetValue(start, out var index)) return index;
        if (graph.OutgoingCount(start) <= IndexedFrom) return null;
        var identities = graph.OutgoingIdentities(start);
        index = new Dictionary<(string, long, string), long>(identities.Count);
        foreach (var (id, type, end, key) in identities)
        {
            if (index.TryAdd((type, end, key), id)) continue;
            index = null;
            break;
        }
        _byStart[start] = index;
        return index;
    }
}
