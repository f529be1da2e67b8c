using System.Numerics;
using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

/// <summary>
/// The relationship id lists of every node and direction, as blocks in a few large int chunks: a list
/// costs its ids and some room to grow instead of an array object each (two arrays a node, 24 bytes of
/// header apiece, were most of what adjacency cost). A list of n ids sits in a block of the power of
/// two at or above n, so a node keeps only a reference and a count; a full list moves to a block twice
/// the size. Blocks given up go on a free list of their size (the first int of a free block links to the
/// next), so the blocks small lists leave as they grow are reused by the next lists; what is left over
/// (large blocks of lists that shrank) <see cref="MemoryGraph"/> reclaims by copying the live lists to a
/// fresh pool once it outweighs them. Not thread-safe: the graph's lock guards it.
/// </summary>
internal sealed class AdjacencyPool
{
    private const int OffsetBits = 20;
    private const int LargestChunk = 1 << OffsetBits;
    private const int SmallestChunk = 1024;

    /// <summary>Chunks by index; a block too large to share a chunk gets one of its own, dropped when the block moves.</summary>
    private readonly List<int[]?> _chunks = [];
    private int _current = -1;
    private int _used;

    /// <summary>Per power of two, 1 + the reference of the first free block of that size; 0 for none.</summary>
    private readonly int[] _free = new int[32];

    /// <summary>Ids the blocks in use can hold.</summary>
    public long LiveSlots { get; private set; }

    /// <summary>Ids the free blocks could hold.</summary>
    public long GarbageSlots { get; private set; }

    /// <summary>True when abandoned blocks outweigh the blocks in use: copying the lists would halve the pool.</summary>
    public bool IsWasteful => GarbageSlots > (1 << 20) && GarbageSlots > LiveSlots;

    /// <summary>The ids of the list at <paramref name="reference"/>; valid until the next change to the pool.</summary>
    public Span<int> List(int reference, int count)
    {
        if (count == 0) return [];
        return _chunks[Chunk(reference)].AsSpan(Offset(reference), count);
    }

    /// <summary>Appends <paramref name="id"/> to a list, moving the list to a larger block when its block is full.</summary>
    public void Add(ref int reference, ref int count, int id)
    {
        var capacity = Capacity(count);
        if (count == capacity)
        {
            var grown = Allocate(Math.Max(1, capacity * 2));
            if (count > 0)
            {
                List(reference, count).CopyTo(List(grown, count));
                Abandon(reference, capacity);
            }
            reference = grown;
        }
        _chunks[Chunk(reference)]![Offset(reference) + count] = id;
        count++;
    }

    /// <summary>Removes <paramref name="id"/> from a list, keeping the order of the others.</summary>
    public void Remove(int reference, ref int count, int id)
    {
        var items = List(reference, count);
        var index = items.LastIndexOf(id); // ids are distinct; the latest relationships go first more often
        if (index < 0) return;
        items[(index + 1)..].CopyTo(items[index..]);
        var capacity = Capacity(count);
        count--;
        // The block now counts as the smaller power of two (half of it, or none when the list is empty):
        // the other half is free.
        var kept = Capacity(count);
        if (kept == capacity) return;
        if (count == 0) Abandon(reference, capacity);
        else if (kept < LargestChunk) Release(reference + kept, kept);
        else
        {
            // Past the offsets a reference can name (a list of a million ids): left for a compaction.
            LiveSlots -= capacity - kept;
            GarbageSlots += capacity - kept;
        }
    }

    /// <summary>Stores a copy of <paramref name="ids"/> as a new list and returns its reference.</summary>
    public int Copy(ReadOnlySpan<int> ids)
    {
        if (ids.IsEmpty) return 0;
        var reference = Allocate(Capacity(ids.Length));
        ids.CopyTo(List(reference, ids.Length));
        return reference;
    }

    /// <summary>The block size that holds a list of <paramref name="count"/> ids.</summary>
    private static int Capacity(int count) => count == 0 ? 0 : (int)BitOperations.RoundUpToPowerOf2((uint)count);

    private static int Chunk(int reference) => (int)((uint)reference >> OffsetBits);

    private static int Offset(int reference) => reference & (LargestChunk - 1);

    /// <summary>Whether the block fills a chunk of its own (a half of such a chunk, once freed, is an ordinary block).</summary>
    private bool IsOwnChunk(int reference, int capacity) => capacity > LargestChunk / 4 && Offset(reference) == 0 && _chunks[Chunk(reference)]!.Length == capacity;

    private void Abandon(int reference, int capacity)
    {
        if (IsOwnChunk(reference, capacity))
        {
            // A chunk of its own goes back to the runtime at once.
            LiveSlots -= _chunks[Chunk(reference)]!.Length;
            _chunks[Chunk(reference)] = null;
        }
        else Release(reference, capacity);
    }

    /// <summary>Puts a block of a shared chunk on the free list of its size.</summary>
    private void Release(int reference, int capacity)
    {
        var size = BitOperations.Log2((uint)capacity);
        _chunks[Chunk(reference)]![Offset(reference)] = _free[size];
        _free[size] = reference + 1;
        LiveSlots -= capacity;
        GarbageSlots += capacity;
    }

    private int Allocate(int capacity)
    {
        var size = BitOperations.Log2((uint)capacity);
        if (_free[size] != 0)
        {
            var free = _free[size] - 1;
            _free[size] = _chunks[Chunk(free)]![Offset(free)];
            GarbageSlots -= capacity;
            LiveSlots += capacity;
            return free;
        }
        LiveSlots += capacity;
        if (capacity > LargestChunk / 4)
        {
            _chunks.Add(new int[capacity]);
            return Reference(_chunks.Count - 1, 0);
        }
        if (_current < 0 || _chunks[_current]!.Length - _used < capacity)
        {
            var previous = _current < 0 ? SmallestChunk / 2 : _chunks[_current]!.Length;
            _chunks.Add(new int[Math.Min(LargestChunk, Math.Max(capacity, previous * 2))]);
            _current = _chunks.Count - 1;
            _used = 0;
        }
        var offset = _used;
        _used += capacity;
        return Reference(_current, offset);
    }

    private static int Reference(int chunk, int offset)
    {
        // The last chunk index is left unused, so that 1 + a reference is never 0 (see _free).
        if (chunk >= (1 << (32 - OffsetBits)) - 1) throw new InvalidOperationException("The adjacency pool has run out of chunks.");
        return (int)(((uint)chunk << OffsetBits) | (uint)offset);
    }

    /// <summary>Writes the chunks and free lists as they are (references stay valid), for a snapshot.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(_chunks.Count);
        foreach (var chunk in _chunks)
        {
            writer.Write(chunk is not null);
            if (chunk is not null) writer.WriteSpan<int>(chunk);
        }
        writer.Write(_current);
        writer.Write(_used);
        writer.WriteSpan<int>(_free);
        writer.Write(LiveSlots);
        writer.Write(GarbageSlots);
    }

    /// <summary>A pool holding what <see cref="WriteTo"/> wrote.</summary>
    public static AdjacencyPool ReadFrom(BinaryReader reader)
    {
        var pool = new AdjacencyPool();
        var count = reader.ReadInt32();
        for (var chunk = 0; chunk < count; chunk++) pool._chunks.Add(reader.ReadBoolean() ? reader.ReadArray<int>() : null);
        pool._current = reader.ReadInt32();
        pool._used = reader.ReadInt32();
        reader.ReadInto<int>(pool._free);
        pool.LiveSlots = reader.ReadInt64();
        pool.GarbageSlots = reader.ReadInt64();
        return pool;
    }
}
