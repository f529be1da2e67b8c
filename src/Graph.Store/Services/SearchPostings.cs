using Graph.Store.Snapshot;

namespace Graph.Store.Services;

/// <summary>
/// The nodes holding one token, with how often each holds it: (node id, frequency) pairs appended as
/// a varint of the zig-zag difference from the previous id, shifted left by one bit that says whether
/// a byte of frequency (capped at 255) follows; without it the frequency is 1, as it is for most
/// postings. Ids arrive mostly in increasing order, so a posting takes two or three bytes instead of sixteen.
/// Append-only: a node whose text changes is appended again and its old posting goes stale (the
/// searcher checks every candidate against the node itself; <see cref="SearchIndex"/> rebuilds when
/// stale postings pile up).
/// </summary>
internal sealed class SearchPostings
{
    private byte[] _data = new byte[4];
    private int _length;
    private long _last;

    /// <summary>Postings held, stale ones included: the cost of reading this list.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes the list holds on the heap (object, array header and array).</summary>
    public long HeapBytes => 40 + 24 + _data.Length;

    public void Add(long nodeId, int frequency)
    {
        var delta = nodeId - _last;
        var zigzag = (ulong)((delta << 1) ^ (delta >> 63));
        var value = (zigzag << 1) | (frequency > 1 ? 1UL : 0UL);
        if (_length + 12 > _data.Length) Array.Resize(ref _data, Math.Max(_data.Length * 3 / 2, _length + 16));
        while (value >= 0x80)
        {
            _data[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _data[_length++] = (byte)value;
        if (frequency > 1) _data[_length++] = (byte)Math.Min(frequency, byte.MaxValue);
        _last = nodeId;
        Count++;
    }

    /// <summary>Drops the room left for growth (after a rebuild, when most lists are done growing).</summary>
    public void TrimExcess()
    {
        if (_data.Length > _length) Array.Resize(ref _data, _length);
    }

    /// <summary>Writes the list as it is, for a snapshot.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.WriteSpan<byte>(_data.AsSpan(0, _length));
        writer.Write(_last);
        writer.Write(Count);
    }

    /// <summary>A list holding what <see cref="WriteTo"/> wrote.</summary>
    public static SearchPostings ReadFrom(BinaryReader reader)
    {
        var data = reader.ReadArray<byte>();
        return new SearchPostings { _data = data, _length = data.Length, _last = reader.ReadInt64(), Count = reader.ReadInt32() };
    }

    /// <summary>Reads the postings in the order they were added (call under the index's read lock).</summary>
    public Reader Read() => new(_data.AsSpan(0, _length));

    internal ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;
        private long _last;

        public bool TryRead(out long nodeId, out int frequency)
        {
            if (_at >= _data.Length)
            {
                nodeId = 0;
                frequency = 0;
                return false;
            }
            ulong value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = _data[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            var zigzag = value >> 1;
            _last += (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            nodeId = _last;
            frequency = (value & 1) != 0 ? _data[_at++] : 1;
            return true;
        }
    }
}
