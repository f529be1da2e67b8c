using System.Runtime.InteropServices;
using Graph.Model;
using Graph.Store.Memory;

namespace Graph.Store.Services;

/// <summary>
/// The embedded store's search index: two inverted indexes (tokens → node ids with frequencies), one
/// over what names a node (id, symbol, aliases, name, acronym, title of documents, meetings,
/// organisations, operations, agreements, series) and one over paragraph text. The store feeds it
/// every node it writes (<see cref="Write"/>) and removes (<see cref="Remove"/>); opening the store
/// rebuilds it. It only proposes candidates: <see cref="SearchScorer"/> checks each against the node
/// as it is now, so a stale posting can cost a look but never a wrong hit. When stale postings
/// outnumber live ones the store rebuilds it.
/// </summary>
internal sealed class SearchIndex : IDisposable
{
    private static readonly string[] NameKeys = [PropertyNames.Id, "symbol", "aliases", "name", "acronym", "title"];

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _scratch = new(StringComparer.Ordinal);
    private SearchVocabulary _names = new();
    private SearchVocabulary _paragraphs = new();
    private long _stalePostings;

    /// <summary>Paragraph nodes indexed (each counted once per write).</summary>
    public long Paragraphs { get; private set; }

    /// <summary>How often the index was built afresh (on open, and when stale postings piled up).</summary>
    public int Rebuilds { get; private set; }

    /// <summary>True when stale postings outnumber live ones: <see cref="Rebuild"/> would halve the index.</summary>
    public bool WantsRebuild
    {
        get
        {
            _lock.EnterReadLock();
            try { return _stalePostings > 1_000 && _stalePostings * 2 > _names.Postings + _paragraphs.Postings; }
            finally { _lock.ExitReadLock(); }
        }
    }

    public static bool IsSearched(IReadOnlyList<string> labels) => SearchScorer.SearchedLabels.Any(labels.Contains);

    /// <summary>Indexes a node just created or changed; <paramref name="before"/> is what it was (null when new).</summary>
    public void Write(long nodeId, MemoryNode? before, MemoryNode after)
    {
        var wasSearched = before is { } b && IsSearched(b.Labels);
        if (wasSearched && SameText(before!.Value, after)) return;
        _lock.EnterWriteLock();
        try
        {
            if (wasSearched) _stalePostings += VocabularyOf(before!.Value.Labels).CountDistinctTokens(Texts(before.Value), _scratch);
            AddUnlocked(nodeId, after);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Indexes nodes written without a before-image (a Cypher write): each is added as it is now, and its earlier
    /// postings, if it had any, are counted stale as if they held as many tokens as it does now.
    /// </summary>
    public void Refresh(MemoryGraph graph, IEnumerable<long> nodeIds)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in nodeIds)
            {
                if (!graph.TryGetNode(id, out var node) || !IsSearched(node.Labels)) continue;
                _stalePostings += VocabularyOf(node.Labels).CountDistinctTokens(Texts(node), _scratch);
                AddUnlocked(id, node);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Notes that a node is gone: its postings are stale from now on.</summary>
    public void Remove(MemoryNode before)
    {
        if (!IsSearched(before.Labels)) return;
        _lock.EnterWriteLock();
        try { _stalePostings += VocabularyOf(before.Labels).CountDistinctTokens(Texts(before), _scratch); }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Indexes every searched node of <paramref name="graph"/> afresh.</summary>
    public void Rebuild(MemoryGraph graph)
    {
        _lock.EnterWriteLock();
        try
        {
            _names = new SearchVocabulary();
            _paragraphs = new SearchVocabulary();
            _stalePostings = 0;
            Paragraphs = 0;
            Rebuilds++;
            var seen = new HashSet<long>();
            using var read = graph.EnterRead();
            foreach (var label in SearchScorer.SearchedLabels)
            {
                foreach (var id in graph.NodeIdsByLabel(label))
                {
                    if (seen.Add(id) && graph.TryGetNode(id, out var node)) AddUnlocked(id, node);
                }
            }
            _names.TrimExcess();
            _paragraphs.TrimExcess();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Writes both inverted indexes as they are, for a snapshot (the caller holds the graph's lock, so they match it).</summary>
    public void WriteSnapshot(BinaryWriter writer)
    {
        _lock.EnterReadLock();
        try
        {
            writer.Write(_stalePostings);
            writer.Write(Paragraphs);
            _names.WriteTo(writer);
            _paragraphs.WriteTo(writer);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Replaces the index with what <see cref="WriteSnapshot"/> wrote: the open's build, read instead of made.</summary>
    public void ReadSnapshot(BinaryReader reader)
    {
        _lock.EnterWriteLock();
        try
        {
            _stalePostings = reader.ReadInt64();
            Paragraphs = reader.ReadInt64();
            _names = SearchVocabulary.ReadFrom(reader);
            _paragraphs = SearchVocabulary.ReadFrom(reader);
            Rebuilds++;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Bytes the index holds on the heap (estimated from its arrays and strings).</summary>
    public long HeapBytes()
    {
        _lock.EnterReadLock();
        try { return _names.HeapBytes() + _paragraphs.HeapBytes(); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// The named nodes that may match: the postings of the single most selective term (every query
    /// word must match, so any one term's nodes hold all hits).
    /// </summary>
    public HashSet<long> NamedCandidates(IReadOnlyList<SearchTerm> terms)
    {
        var candidates = new HashSet<long>();
        _lock.EnterReadLock();
        try
        {
            var cheapest = terms.Select(t => _names.Lists(t)).MinBy(lists => lists.Sum(l => (long)l.Count))!;
            foreach (var list in cheapest)
            {
                var reader = list.Read();
                while (reader.TryRead(out var id, out _)) candidates.Add(id);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
        return candidates;
    }

    /// <summary>
    /// The paragraphs holding every term, each with the best score it could have: 25 (every word, the
    /// phrase bonus assumed) plus up to 5 for repeated words, counted from the frequencies. Terms are
    /// intersected rarest first, so a rare word keeps the work small however common the others are.
    /// </summary>
    public List<(long Id, int Bound)> ParagraphCandidates(IReadOnlyList<SearchTerm> terms, int words, bool everyWordHasTerms)
    {
        _lock.EnterReadLock();
        try
        {
            var ordered = terms.Select(t => (Term: t, Lists: _paragraphs.Lists(t)))
                .OrderBy(t => t.Lists.Sum(l => (long)l.Count)).ToList();
            var matches = new Dictionary<long, (int Terms, int Occurrences)>();
            var counted = new HashSet<int>();
            var read = 0;
            var alive = 0;
            foreach (var (term, lists) in ordered)
            {
                // Any one term of a word bounds how often the word occurs: count the first one read.
                var countsOccurrences = counted.Add(term.WordIndex);
                // A further term of a word already read narrows little and can cost much ("s" in "S/2001/40"):
                // skip it when its postings far outnumber the candidates left; the scorer checks the whole word.
                if (!countsOccurrences && lists.Sum(l => (long)l.Count) > 8L * alive) continue;
                alive = 0;
                foreach (var list in lists)
                {
                    var reader = list.Read();
                    while (reader.TryRead(out var id, out var frequency))
                    {
                        if (read == 0)
                        {
                            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(matches, id, out var known);
                            if (!known) alive++;
                            first = (1, first.Occurrences + frequency);
                            continue;
                        }
                        ref var match = ref CollectionsMarshal.GetValueRefOrNullRef(matches, id);
                        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref match) || match.Terms < read) continue;
                        if (match.Terms == read) alive++;
                        match = (read + 1, match.Occurrences + (countsOccurrences ? frequency : 0));
                    }
                }
                read++;
                if (alive == 0) return [];
            }
            var result = new List<(long, int)>();
            foreach (var (id, match) in matches)
            {
                if (match.Terms < read) continue;
                var bound = everyWordHasTerms ? 25 + Math.Clamp(match.Occurrences - words, 0, 5) : 30;
                result.Add((id, bound));
            }
            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private void AddUnlocked(long nodeId, MemoryNode node)
    {
        if (!IsSearched(node.Labels)) return;
        VocabularyOf(node.Labels).Add(nodeId, Texts(node), _scratch);
        if (node.Labels.Contains(Labels.Paragraph)) Paragraphs++;
    }

    private SearchVocabulary VocabularyOf(IReadOnlyList<string> labels) => labels.Contains(Labels.Paragraph) ? _paragraphs : _names;

    /// <summary>The texts the index reads from a node: a paragraph's text, or what names anything else.</summary>
    private static IEnumerable<string> Texts(MemoryNode node)
    {
        if (node.Labels.Contains(Labels.Paragraph))
        {
            if (node.Properties.TryGetValue("text", out var text) && text is string s) yield return s;
            yield break;
        }
        foreach (var key in NameKeys)
        {
            if (!node.Properties.TryGetValue(key, out var value)) continue;
            if (value is string s) yield return s;
            else if (value is List<object?> list)
            {
                foreach (var item in list)
                    if (item is string alias) yield return alias;
            }
        }
    }

    private static bool SameText(MemoryNode before, MemoryNode after) =>
        before.Labels.Contains(Labels.Paragraph) == after.Labels.Contains(Labels.Paragraph)
        && IsSearched(after.Labels)
        && Texts(before).SequenceEqual(Texts(after), StringComparer.Ordinal);
}
