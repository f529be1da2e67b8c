namespace Graph.Store.Services;

/// <summary>The pieces a <see cref="Graph.Model.GraphRelationship.Id"/> is made of: <c>start-[TYPE]->end</c>, then <c>#key</c> when there is a key.</summary>
internal readonly record struct RelationshipIdParts(long RelationshipId, string Start, string Type, string End, string Key);

/// <summary>
/// Orders relationships exactly as their id strings compare (ordinally) without building those strings:
/// the pieces are compared in turn while they are equal, and character by character from the first that differs.
/// </summary>
internal sealed class RelationshipIdOrder : IComparer<RelationshipIdParts>
{
    public static readonly RelationshipIdOrder Instance = new();

    /// <summary>The <paramref name="count"/> smallest, in order, keeping only that many at a time (a hub has tens of thousands).</summary>
    public static List<RelationshipIdParts> Smallest(IReadOnlyList<RelationshipIdParts> parts, int count)
    {
        var page = new SmallestRelationshipIds(count);
        foreach (var part in parts) page.Offer(part);
        return page.InOrder();
    }

    public int Compare(RelationshipIdParts x, RelationshipIdParts y)
    {
        if (!string.Equals(x.Start, y.Start, StringComparison.Ordinal)) return ComparePiece(x, y, x.Start, y.Start, 0);
        if (!string.Equals(x.Type, y.Type, StringComparison.Ordinal)) return ComparePiece(x, y, x.Type, y.Type, 2);
        if (!string.Equals(x.End, y.End, StringComparison.Ordinal)) return ComparePiece(x, y, x.End, y.End, 4);
        return CompareFrom(x, y, 5);
    }

    /// <summary>Two differing pieces decide alone unless one is a prefix of the other; then what follows decides.</summary>
    private static int ComparePiece(RelationshipIdParts x, RelationshipIdParts y, string a, string b, int piece)
    {
        var common = Math.Min(a.Length, b.Length);
        var order = string.CompareOrdinal(a, 0, b, 0, common);
        return order != 0 ? order : CompareFrom(x, y, piece);
    }

    /// <summary>Compares the id strings from piece <paramref name="piece"/> on (the pieces before are equal).</summary>
    private static int CompareFrom(RelationshipIdParts x, RelationshipIdParts y, int piece)
    {
        var a = new Cursor(x, piece);
        var b = new Cursor(y, piece);
        while (true)
        {
            var c = a.Next();
            var d = b.Next();
            if (c != d) return c.CompareTo(d);
            if (c < 0) return 0;
        }
    }

    /// <summary>Walks the characters of an id string from one piece on; -1 at the end (a prefix sorts first).</summary>
    private struct Cursor(RelationshipIdParts parts, int piece)
    {
        private int _piece = piece;
        private int _index;

        public int Next()
        {
            while (true)
            {
                var text = Piece(_piece);
                if (text is null) return -1;
                if (_index < text.Length) return text[_index++];
                _piece++;
                _index = 0;
            }
        }

        private readonly string? Piece(int piece) => piece switch
        {
            0 => parts.Start,
            1 => "-[",
            2 => parts.Type,
            3 => "]->",
            4 => parts.End,
            5 => parts.Key.Length == 0 ? null : "#",
            6 => parts.Key,
            _ => null,
        };
    }
}

/// <summary>
/// Keeps the <c>count</c> smallest relationship ids offered one at a time, so a hub's tens of thousands of
/// relationships are never held together; <see cref="MayKeep"/> lets a caller skip building the other pieces
/// of an id whose start alone already sorts after everything kept.
/// </summary>
internal sealed class SmallestRelationshipIds(int count)
{
    // A max-heap of the best so far: its top is the largest kept, replaced by anything smaller. A count of
    // int.MaxValue means "all", so the heap starts small and grows.
    private readonly PriorityQueue<RelationshipIdParts, RelationshipIdParts> _kept =
        new(Math.Clamp(count, 0, 1024) + 1, Comparer<RelationshipIdParts>.Create((a, b) => RelationshipIdOrder.Instance.Compare(b, a)));

    /// <summary>
    /// False only when an id beginning with <paramref name="start"/> cannot be kept: the page is full and the start
    /// differs from the largest kept one's before either ends (when one is a prefix of the other, what follows decides).
    /// </summary>
    public bool MayKeep(string start)
    {
        if (count <= 0) return false;
        if (_kept.Count < count) return true;
        var largest = _kept.Peek().Start;
        return string.CompareOrdinal(start, 0, largest, 0, Math.Min(start.Length, largest.Length)) <= 0;
    }

    public void Offer(RelationshipIdParts part)
    {
        if (count <= 0) return;
        if (_kept.Count < count) _kept.Enqueue(part, part);
        else if (RelationshipIdOrder.Instance.Compare(part, _kept.Peek()) < 0) _kept.EnqueueDequeue(part, part);
    }

    /// <summary>What was kept, smallest first.</summary>
    public List<RelationshipIdParts> InOrder()
    {
        var smallest = new List<RelationshipIdParts>(_kept.Count);
        while (_kept.TryDequeue(out var part, out _)) smallest.Add(part);
        smallest.Reverse();
        return smallest;
    }
}
