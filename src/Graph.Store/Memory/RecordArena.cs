using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

/// <summary>
/// Append-only storage for property records: records packed back to back in large byte chunks, so a
/// node or relationship costs a reference of eight bytes (chunk, offset) instead of a map object, a
/// value array and boxed values. A record is never changed after it is written; a replaced one
/// becomes garbage that <see cref="MemoryGraph"/> reclaims by copying the live records to new chunks
/// when garbage outweighs them. Reference 0 is the empty record (the first byte is never handed out).
/// </summary>
internal sealed class RecordArena
{
    private const int SmallestChunk = 4096;
    private const int LargestChunk = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private int _current = -1;
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
        if (_chunks[_current].Length - _used < record.Length) Reserve(record.Length);
        var offset = _used;
        record.CopyTo(_chunks[_current].AsSpan(offset));
        _used += record.Length;
        LiveBytes += record.Length;
        return ((long)_current << 32) | (uint)offset;
    }

    public void Drop(int length)
    {
        LiveBytes -= length;
        GarbageBytes += length;
    }

    public byte[] Chunk(long reference) => _chunks[(int)(reference >> 32)];

    public static int Offset(long reference) => (int)reference;

    private void Reserve(int length)
    {
        var previous = _current < 0 ? SmallestChunk / 2 : _chunks[_current].Length;
        var size = Math.Max(length, Math.Min(LargestChunk, previous * 2));
        _chunks.Add(new byte[size]);
        _current = _chunks.Count - 1;
        _used = 0;
    }

    /// <summary>Writes the chunks as they are (references into them stay valid), for a snapshot.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(_chunks.Count);
        foreach (var chunk in _chunks) writer.WriteSpan<byte>(chunk);
        writer.Write(_current);
        writer.Write(_used);
        writer.Write(LiveBytes);
        writer.Write(GarbageBytes);
    }

    /// <summary>An arena holding what <see cref="WriteTo"/> wrote.</summary>
    public static RecordArena ReadFrom(BinaryReader reader)
    {
        var arena = new RecordArena();
        arena._chunks.Clear();
        var count = reader.ReadInt32();
        for (var chunk = 0; chunk < count; chunk++) arena._chunks.Add(reader.ReadArray<byte>());
        arena._current = reader.ReadInt32();
        arena._used = reader.ReadInt32();
        arena.LiveBytes = reader.ReadInt64();
        arena.GarbageBytes = reader.ReadInt64();
        if (arena._current < 0 || arena._current >= count) throw new InvalidDataException("The record arena's current chunk is out of range.");
        return arena;
    }
}
