using System.Runtime.InteropServices;

namespace Graph.Store.Services;

/// <summary>
/// One inverted index: token → <see cref="SearchPostings"/>, with an ordinally sorted copy of the
/// tokens made on the first prefix lookup after a change. Not thread-safe: <see cref="SearchIndex"/>
/// holds the lock.
/// </summary>
internal sealed class SearchVocabulary
{
    /// <summary>Tokens are cut to this many characters (longer runs are not words people type).</summary>
    public const int MaxTokenLength = 48;

    private readonly Dictionary<string, SearchPostings> _lists = new(StringComparer.Ordinal);
    private readonly Lock _sortLock = new();
    private string[]? _sorted;

    public long Postings { get; private set; }

    public int Tokens => _lists.Count;

    /// <summary>Adds the tokens of <paramref name="texts"/> for one node; returns how many postings that made.</summary>
    public int Add(long nodeId, IEnumerable<string> texts, Dictionary<string, int> scratch)
    {
        scratch.Clear();
        foreach (var text in texts) CountTokens(text, scratch);
        foreach (var (token, frequency) in scratch)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_lists, token, out var existed);
            if (!existed)
            {
                list = new SearchPostings();
                _sorted = null;
            }
            list!.Add(nodeId, frequency);
        }
        Postings += scratch.Count;
        return scratch.Count;
    }

    /// <summary>How many tokens <paramref name="texts"/> hold (the postings a node added for them).</summary>
    public int CountDistinctTokens(IEnumerable<string> texts, Dictionary<string, int> scratch)
    {
        scratch.Clear();
        foreach (var text in texts) CountTokens(text, scratch);
        return scratch.Count;
    }

    /// <summary>The posting lists a term reads: its token, or every token it starts.</summary>
    public List<SearchPostings> Lists(SearchTerm term)
    {
        var token = term.Token.Length > MaxTokenLength ? term.Token[..MaxTokenLength] : term.Token;
        if (!term.IsPrefix && token.Length == term.Token.Length)
            return _lists.TryGetValue(token, out var exact) ? [exact] : [];
        var sorted = Sorted();
        var lists = new List<SearchPostings>();
        var at = Array.BinarySearch(sorted, token, StringComparer.Ordinal);
        if (at < 0) at = ~at;
        for (; at < sorted.Length && sorted[at].StartsWith(token, StringComparison.Ordinal); at++) lists.Add(_lists[sorted[at]]);
        return lists;
    }

    /// <summary>Writes every token and its postings, for a snapshot.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(Postings);
        writer.Write(_lists.Count);
        foreach (var (token, list) in _lists)
        {
            writer.Write(token);
            list.WriteTo(writer);
        }
    }

    /// <summary>A vocabulary holding what <see cref="WriteTo"/> wrote.</summary>
    public static SearchVocabulary ReadFrom(BinaryReader reader)
    {
        var vocabulary = new SearchVocabulary { Postings = reader.ReadInt64() };
        var count = reader.ReadInt32();
        vocabulary._lists.EnsureCapacity(count);
        for (var index = 0; index < count; index++)
        {
            var token = reader.ReadString();
            vocabulary._lists[token] = SearchPostings.ReadFrom(reader);
        }
        return vocabulary;
    }

    public void TrimExcess()
    {
        foreach (var list in _lists.Values) list.TrimExcess();
    }

    /// <summary>Heap bytes: posting lists, token strings, dictionary entries and the sorted copy.</summary>
    public long HeapBytes()
    {
        long bytes = 0;
        foreach (var (token, list) in _lists) bytes += list.HeapBytes + 22 + 2L * token.Length + 28;
        return bytes + (_sorted?.Length ?? 0) * 8L;
    }

    private string[] Sorted()
    {
        lock (_sortLock)
        {
            if (_sorted is null)
            {
                var sorted = _lists.Keys.ToArray();
                Array.Sort(sorted, StringComparer.Ordinal);
                _sorted = sorted;
            }
            return _sorted;
        }
    }

    /// <summary>Counts the lower-cased runs of letters and digits, reusing the vocabulary's strings for known tokens.</summary>
    /// <remarks>
    /// A token is made a string only the first time the text gives it, unless the vocabulary holds it already: a string for
    /// every occurrence was most of what storing a long text allocated (one 31 MB paragraph: 217 MB of tokens).
    /// </remarks>
    private void CountTokens(string text, Dictionary<string, int> counts)
    {
        var known = _lists.GetAlternateLookup<ReadOnlySpan<char>>();
        var counted = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[MaxTokenLength];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (length < buffer.Length) buffer[length++] = char.ToLowerInvariant(text[i]);
                continue;
            }
            if (length == 0) continue;
            var span = buffer[..length];
            if (counted.TryGetValue(span, out var count)) counted[span] = count + 1;
            else if (known.TryGetValue(span, out var existing, out _)) counts[existing] = 1;
            else counts[new string(span)] = 1;
            length = 0;
        }
    }
}
