using System.Numerics;
using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

/// <summary>
/// The nodes carrying one label, as one bit per node id: a label on a million nodes costs 125 KB
/// here, against some twenty megabytes as a hash set of ids.
/// </summary>
internal sealed class NodeBitSet
{
    private ulong[] _words = new ulong[4];

    public int Count { get; private set; }

    /// <summary>The bits, 64 node ids a word, for a scan without a list of ids (valid until the next write).</summary>
    public ReadOnlySpan<ulong> Words => _words;

    public bool Contains(long id)
    {
        var word = id >> 6;
        return word < _words.Length && (_words[word] & (1UL << (int)(id & 63))) != 0;
    }

    public void Add(long id)
    {
        var word = id >> 6;
        if (word >= _words.Length) Array.Resize(ref _words, (int)Math.Max(word + 1, _words.Length + _words.Length / 2));
        var bit = 1UL << (int)(id & 63);
        if ((_words[word] & bit) != 0) return;
        _words[word] |= bit;
        Count++;
    }

    public void Remove(long id)
    {
        var word = id >> 6;
        if (word >= _words.Length) return;
        var bit = 1UL << (int)(id & 63);
        if ((_words[word] & bit) == 0) return;
        _words[word] &= ~bit;
        Count--;
    }

    /// <summary>The ids, ascending.</summary>
    public List<long> ToList()
    {
        var ids = new List<long>(Count);
        for (var word = 0; word < _words.Length; word++)
        {
            var bits = _words[word];
            while (bits != 0)
            {
                ids.Add(((long)word << 6) + BitOperations.TrailingZeroCount(bits));
                bits &= bits - 1;
            }
        }
        return ids;
    }

    /// <summary>Writes the bits, for a snapshot.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.WriteSpan<ulong>(_words);
    }

    /// <summary>A set holding what <see cref="WriteTo"/> wrote.</summary>
    public static NodeBitSet ReadFrom(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return new NodeBitSet { Count = count, _words = reader.ReadArray<ulong>() };
    }
}
