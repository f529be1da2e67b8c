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
        if (parts.Count <= count)
        {
            var all = parts.ToList();
            all.Sort(Instance);
            return all;
        }
        // A max-heap of the best so far: its top is the largest kept, replaced by anything smaller.
        var kept = new PriorityQueue<RelationshipIdParts, RelationshipIdParts>(count + 1, Comparer<RelationshipIdParts>.Create((a, b) => Instance.Compare(b, a)));
        foreach (var part in parts)
        {
            if (kept.Count < count) kept.Enqueue(part, part);
            else if (count > 0 && Instance.Compare(part, kept.Peek()) < 0) kept.EnqueueDequeue(part, part);
        }
        var smallest = new List<RelationshipIdParts>(kept.Count);
        while (kept.TryDequeue(out var part, out _)) smallest.Add(part);
        smallest.Reverse();
        return smallest;
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
