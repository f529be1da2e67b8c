using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

/// <summary>
/// The strings a graph stores once and refers to by index from property records: property keys, node
/// ids, and short values (kinds, verbs, dates, document ids). Append-only, so a reader holding the table
/// finds every string a record written before that moment refers to.
/// <para>
/// Two parts: the strings read from a snapshot (the base) stay UTF-8 in one block of bytes, with a block of
/// their end offsets, both parts of the mapped snapshot file, and become .NET strings only when read (a small
/// cache keeps the ones read often, the property keys above all); strings added in this process are .NET
/// strings. At 100,000 documents the table holds 1.4 million node ids: as .NET strings they were the largest
/// single cost of the heap, where the mapped bytes cost nothing until a query reads them.
/// </para>
/// <para>
/// Strings are found by an open-addressing hash table of indexes (linear probing, at most three quarters
/// full), hashed with XxHash3 over their UTF-8 bytes: the same in every process, so the snapshot keeps the
/// table as it is and an open maps it instead of hashing every string again. It is copied onto the heap
/// when the first string is added after an open.
/// </para>
/// </summary>
internal sealed class StringTable
{
    /// <summary>Strings added in this process, after the base; entries never change once added, a larger table gets a new array.</summary>
    private string[] _added = new string[64];
    private int _addedCount;

    /// <summary>The base: UTF-8 bytes of every string one after another, and per string the int32 offset where it ends.</summary>
    private ReadOnlyMemory<byte> _baseBytes = ReadOnlyMemory<byte>.Empty;
    private ReadOnlyMemory<byte> _baseEnds = ReadOnlyMemory<byte>.Empty;
    private int _baseCount;

    /// <summary>Per slot, 1 + the index of the string hashed there; 0 for an empty slot. The length is a power of two.</summary>
    private int[]? _slots = new int[128];

    /// <summary>The slots as the snapshot holds them (int32 little-endian), until the first string is added.</summary>
    private ReadOnlyMemory<byte> _mappedSlots;

    /// <summary>Base strings made .NET strings, by index modulo the cache's length (a later one replaces an earlier).</summary>
    private readonly Materialised?[] _cache = new Materialised?[CacheSize];
    private const int CacheSize = 1 << 13;

    private sealed class Materialised(int index, string value)
    {
        public readonly int Index = index;
        public readonly string Value = value;
    }

    public int Count => _baseCount + _addedCount;

    /// <summary>Strings kept as UTF-8 in the block read from a snapshot (mapped when the snapshot is).</summary>
    public int BaseCount => _baseCount;

    /// <summary>The string at <paramref name="index"/>.</summary>
    public string this[int index]
    {
        get
        {
            if (index >= _baseCount) return _added[index - _baseCount];
            var cached = _cache[index & (CacheSize - 1)];
            if (cached is not null && cached.Index == index) return cached.Value;
            var value = Encoding.UTF8.GetString(BaseBytes(index));
            _cache[index & (CacheSize - 1)] = new Materialised(index, value);
            return value;
        }
    }

    public int IndexOf(string value)
    {
        using var utf8 = new Utf8(value);
        var slot = Find(value, utf8.Bytes, out var found);
        if (found >= 0) return found;
        var slots = WritableSlots();
        if (_addedCount == _added.Length) Array.Resize(ref _added, _addedCount + (_addedCount >> 1));
        var index = _baseCount + _addedCount;
        _added[_addedCount] = value;
        _addedCount++;
        slots[slot] = index + 1;
        if (Count > slots.Length / 4 * 3) Rehash(slots.Length * 2);
        return index;
    }

    public bool TryFind(string value, out int index)
    {
        using var utf8 = new Utf8(value);
        Find(value, utf8.Bytes, out index);
        return index >= 0;
    }

    /// <summary>The table's own instance of <paramref name="value"/>, added when new.</summary>
    public string Intern(string value) => this[IndexOf(value)];

    private int SlotCount => _slots?.Length ?? _mappedSlots.Length / 4;

    private int Slot(int slot) => _slots is { } slots ? slots[slot] : BinaryPrimitives.ReadInt32LittleEndian(_mappedSlots.Span.Slice(slot * 4, 4));

    /// <summary>The slot holding <paramref name="value"/> (its index in <paramref name="index"/>), or the empty slot where it would go (index -1).</summary>
    private int Find(string value, ReadOnlySpan<byte> utf8, out int index)
    {
        var mask = SlotCount - 1;
        for (var slot = Hash(utf8) & mask; ; slot = (slot + 1) & mask)
        {
            var entry = Slot(slot);
            if (entry == 0)
            {
                index = -1;
                return slot;
            }
            var at = entry - 1;
            if (at < _baseCount ? BaseBytes(at).SequenceEqual(utf8) : string.Equals(_added[at - _baseCount], value, StringComparison.Ordinal))
            {
                index = at;
                return slot;
            }
        }
    }

    private int[] WritableSlots()
    {
        if (_slots is null)
        {
            var slots = new int[_mappedSlots.Length / 4];
            var mapped = _mappedSlots.Span;
            for (var slot = 0; slot < slots.Length; slot++) slots[slot] = BinaryPrimitives.ReadInt32LittleEndian(mapped.Slice(slot * 4, 4));
            _slots = slots;
            _mappedSlots = default;
        }
        return _slots;
    }

    private void Rehash(int length)
    {
        var slots = new int[length];
        var mask = slots.Length - 1;
        for (var index = 0; index < Count; index++)
        {
            var slot = HashOf(index) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = index + 1;
        }
        _slots = slots;
        _mappedSlots = default;
    }

    private int HashOf(int index)
    {
        if (index < _baseCount) return Hash(BaseBytes(index));
        using var utf8 = new Utf8(_added[index - _baseCount]);
        return Hash(utf8.Bytes);
    }

    private static int Hash(ReadOnlySpan<byte> utf8) => (int)XxHash3.HashToUInt64(utf8);

    private ReadOnlySpan<byte> BaseBytes(int index)
    {
        var ends = _baseEnds.Span;
        var start = index == 0 ? 0 : BinaryPrimitives.ReadInt32LittleEndian(ends.Slice((index - 1) * 4, 4));
        var end = BinaryPrimitives.ReadInt32LittleEndian(ends.Slice(index * 4, 4));
        return _baseBytes.Span[start..end];
    }

    /// <summary>
    /// Writes the strings as one block of UTF-8 bytes, their end offsets and the hash table, for a snapshot that
    /// <see cref="ReadFrom"/> maps back. Streamed a piece at a time: at a million documents the blocks are hundreds of
    /// megabytes, written while the whole graph is in memory.
    /// </summary>
    public void WriteTo(BinaryWriter writer)
    {
        var count = Count;
        long total = _baseBytes.Length;
        for (var index = 0; index < _addedCount; index++) total += Encoding.UTF8.GetByteCount(_added[index]);
        writer.Write(count);
        writer.Write(checked((int)total));
        writer.Write(_baseBytes.Span);
        var buffer = new byte[1 << 16];
        var used = 0;
        for (var index = 0; index < _addedCount; index++)
        {
            var value = _added[index];
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (used + most > buffer.Length)
            {
                writer.Write(buffer, 0, used);
                used = 0;
                if (most > buffer.Length) buffer = new byte[most];
            }
            used += Encoding.UTF8.GetBytes(value, buffer.AsSpan(used));
        }
        writer.Write(buffer, 0, used);

        writer.Write(count * 4);
        writer.Write(_baseEnds.Span);
        var end = _baseBytes.Length;
        for (var index = 0; index < _addedCount; index++)
        {
            end += Encoding.UTF8.GetByteCount(_added[index]);
            writer.Write(end);
        }
        if (_slots is { } slots) writer.WriteSpan<byte>(MemoryMarshal.AsBytes(slots.AsSpan()));
        else writer.WriteSpan(_mappedSlots.Span);
    }

    /// <summary>Fills an empty table with what <see cref="WriteTo"/> wrote: mapped from the file when the snapshot is, nothing hashed again.</summary>
    public void ReadFrom(BinaryReader reader)
    {
        if (Count != 0) throw new InvalidOperationException("Only an empty string table can be read into.");
        var count = reader.ReadInt32();
        var bytes = reader.ReadBlock();
        var ends = reader.ReadBlock();
        var slots = reader.ReadBlock();
        var slotCount = slots.Length / 4;
        if (count < 0 || ends.Length != count * 4 || slots.Length % 4 != 0 || slotCount < 128 || (slotCount & (slotCount - 1)) != 0
            || count > slotCount / 4 * 3 || (count > 0 && BinaryPrimitives.ReadInt32LittleEndian(ends.Span[^4..]) != bytes.Length))
            throw new InvalidDataException("The snapshot's string table does not hold together.");
        _baseBytes = bytes;
        _baseEnds = ends;
        _baseCount = count;
        _mappedSlots = slots;
        _slots = null;
    }

    /// <summary>A string's UTF-8 bytes in a rented array, given back on dispose.</summary>
    private readonly ref struct Utf8
    {
        private readonly byte[]? _rented;

        public Utf8(string value)
        {
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            _rented = ArrayPool<byte>.Shared.Rent(most);
            Bytes = _rented.AsSpan(0, Encoding.UTF8.GetBytes(value, _rented));
        }

        public ReadOnlySpan<byte> Bytes { get; }

        public void Dispose()
        {
            if (_rented is not null) ArrayPool<byte>.Shared.Return(_rented);
        }
    }
}
