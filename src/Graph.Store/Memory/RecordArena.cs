using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

/// <summary>
/// Append-only storage for property records: records packed back to back in large byte chunks, so a
/// node or relationship costs a reference of eight bytes (chunk, offset) instead of a map object, a
/// value array and boxed values. A record is never changed after it is written; a replaced one
/// becomes garbage that <see cref="MemoryGraph"/> reclaims by copying the live records to new chunks
/// when garbage outweighs them. Reference 0 is the empty record (the first byte is never handed out).
/// <para>
/// The chunks of an arena read from a snapshot are parts of the snapshot file mapped into memory
/// (<see cref="SnapshotReader"/>), not arrays: the records (paragraph texts, footnotes and citation contexts make
/// up most of their bytes) stay on disk and the operating system pages in those a query reads, so they do not
/// weigh on the heap. Records written after that go to new array chunks.
/// </para>
/// </summary>
internal sealed class RecordArena
{
    private const int SmallestChunk = 4096;
    private const int LargestChunk = 1 << 20;

    private readonly List<ReadOnlyMemory<byte>> _chunks = [];
    /// <summary>The chunk records are appended to; null until the first append after a read from a mapped snapshot.</summary>
    private byte[]? _current;
    private int _currentIndex;
    private int _used;

    public RecordArena()
    {
        Reserve(1);
        _used = 1;
    }

    /// <summary>Bytes of records written and not yet dropped.</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Bytes of records that were replaced or deleted but still occupy a chunk.</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>Bytes of records held in the mapped snapshot file rather than on the heap.</summary>
    public long MappedBytes { get; private set; }

    public long Append(ReadOnlySpan<byte> record)
    {
        if (record.IsEmpty) return 0;
        if (record.Length > LargestChunk / 4)
        {
            // A very long text gets a chunk of its own, leaving the current chunk to small records.
            _chunks.Add(record.ToArray());
            LiveBytes += record.Length;
            return (long)(_chunks.Count - 1) << 32;
        }
        if (_current is null || _current.Length - _used < record.Length) Reserve(record.Length);
        var offset = _used;
        record.CopyTo(_current.AsSpan(offset));
        _used += record.Length;
        LiveBytes += record.Length;
        return ((long)_currentIndex << 32) | (uint)offset;
    }

    public void Drop(int length)
    {
        LiveBytes -= length;
        GarbageBytes += length;
    }

    /// <summary>The chunk a record is in, to hand to a <see cref="PropertyMap"/> view that outlives the call.</summary>
    public ReadOnlyMemory<byte> Chunk(long reference) => _chunks[(int)(reference >> 32)];

    /// <summary>The chunk a record is in, to read it now.</summary>
    public ReadOnlySpan<byte> Span(long reference) => _chunks[(int)(reference >> 32)].Span;

    public static int Offset(long reference) => (int)reference;

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_current))]
    private void Reserve(int length)
    {
        var previous = _current?.Length ?? SmallestChunk / 2;
        var size = Math.Max(length, Math.Min(LargestChunk, previous * 2));
        _current = new byte[size];
        _currentIndex = _chunks.Count;
        _chunks.Add(_current);
        _used = 0;
    }

    /// <summary>Writes the chunks as they are (references into them stay valid), for a snapshot.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(_chunks.Count);
        foreach (var chunk in _chunks) writer.WriteSpan(chunk.Span);
        writer.Write(LiveBytes);
        writer.Write(GarbageBytes);
    }

    /// <summary>
    /// An arena holding what <see cref="WriteTo"/> wrote: its chunks mapped from the file when
    /// <paramref name="reader"/> reads a mapped snapshot, copied onto the heap otherwise.
    /// </summary>
    public static RecordArena ReadFrom(BinaryReader reader)
    {
        var arena = new RecordArena();
        arena._chunks.Clear();
        arena._current = null;
        var count = reader.ReadInt32();
        if (count < 1) throw new InvalidDataException("The record arena has no chunks.");
        for (var chunk = 0; chunk < count; chunk++)
        {
            if (reader is SnapshotReader mapped)
            {
                var block = mapped.MapBlock();
                arena._chunks.Add(block);
                arena.MappedBytes += block.Length;
            }
            else arena._chunks.Add(reader.ReadArray<byte>());
        }
        arena.LiveBytes = reader.ReadInt64();
        arena.GarbageBytes = reader.ReadInt64();
        return arena;
    }
}
