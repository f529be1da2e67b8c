using System.Buffers.Binary;
using System.Collections;
using System.IO.Compression;
using System.Text;

namespace Graph.Store.Embedded;

/// <summary>
/// Appends the binary form of facts to a growable buffer: unsigned varints, length-prefixed UTF-8
/// strings and tagged property values. Compact and cheap to read back, unlike JSON, since opening the
/// store decodes every document.
/// </summary>
internal sealed class FactWriter
{
    private byte[] _buffer;

    public FactWriter(int capacity = 4096) => _buffer = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    public void WriteCount(int value) => WriteVarint((ulong)value);

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[Length++] = (byte)value;
    }

    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)count);
        Ensure(count);
        Length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(Length));
    }

    public void WriteLabels(IReadOnlyList<string> sortedLabels)
    {
        WriteCount(sortedLabels.Count);
        foreach (var label in sortedLabels) WriteString(label);
    }

    /// <summary>Properties in the order given (callers sort them by key, so equal maps are equal bytes).</summary>
    public void WriteProperties(IReadOnlyCollection<KeyValuePair<string, object?>> properties)
    {
        WriteCount(properties.Count);
        foreach (var (key, value) in properties)
        {
            WriteString(key);
            WriteValue(value);
        }
    }

    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null: WriteByte(FactTags.Null); break;
            case bool b: WriteByte(b ? FactTags.True : FactTags.False); break;
            case long l:
                WriteByte(FactTags.Integer);
                WriteVarint((ulong)((l << 1) ^ (l >> 63)));
                break;
            case double d:
                WriteByte(FactTags.Float);
                Ensure(8);
                BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(Length), d);
                Length += 8;
                break;
            case string s:
                WriteByte(FactTags.String);
                WriteString(s);
                break;
            case IDictionary<string, object?> map:
                WriteByte(FactTags.Map);
                WriteProperties([.. map.OrderBy(p => p.Key, StringComparer.Ordinal)]);
                break;
            case IList list:
                WriteByte(FactTags.List);
                WriteCount(list.Count);
                foreach (var item in list) WriteValue(item);
                break;
            default:
                throw new ArgumentException($"A property value of type {value.GetType().Name} cannot be stored.", nameof(value));
        }
    }

    private void Ensure(int more)
    {
        if (Length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
    }
}

/// <summary>Reads what <see cref="FactWriter"/> wrote; throws <see cref="FormatException"/> on anything malformed.</summary>
internal ref struct FactReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position == _data.Length;

    public byte ReadByte()
    {
        if (Position >= _data.Length) throw new FormatException("Stored facts end too early.");
        return _data[Position++];
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new FormatException("Stored facts hold a malformed number.");
    }

    public int ReadCount()
    {
        var value = ReadVarint();
        if (value > (ulong)(_data.Length - Position) + 1) throw new FormatException("Stored facts hold a count larger than the data.");
        return (int)value;
    }

    public string ReadString()
    {
        var length = ReadCount();
        if (length > _data.Length - Position) throw new FormatException("Stored facts end inside a string.");
        var value = Encoding.UTF8.GetString(_data.Slice(Position, length));
        Position += length;
        return value;
    }

    public string[] ReadLabels()
    {
        var labels = new string[ReadCount()];
        for (var i = 0; i < labels.Length; i++) labels[i] = ReadString();
        return labels;
    }

    public KeyValuePair<string, object?>[] ReadProperties()
    {
        var properties = new KeyValuePair<string, object?>[ReadCount()];
        for (var i = 0; i < properties.Length; i++)
        {
            var key = ReadString();
            properties[i] = new(key, ReadValue());
        }
        return properties;
    }

    public object? ReadValue()
    {
        var tag = ReadByte();
        switch (tag)
        {
            case FactTags.Null: return null;
            case FactTags.False: return false;
            case FactTags.True: return true;
            case FactTags.Integer:
                var zigzag = ReadVarint();
                return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            case FactTags.Float:
                if (_data.Length - Position < 8) throw new FormatException("Stored facts end inside a number.");
                var d = BinaryPrimitives.ReadDoubleLittleEndian(_data[Position..]);
                Position += 8;
                return d;
            case FactTags.String: return ReadString();
            case FactTags.List:
                var list = new List<object?>(ReadCount());
                for (var i = list.Capacity; i > 0; i--) list.Add(ReadValue());
                return list;
            case FactTags.Map:
                return ReadProperties().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            default:
                throw new FormatException($"Stored facts hold an unknown value tag {tag}.");
        }
    }
}

internal static class FactTags
{
    public const byte Null = 0, False = 1, True = 2, Integer = 3, Float = 4, String = 5, List = 6, Map = 7;
}

/// <summary>
/// Brotli at its fastest setting around the binary facts: the facts repeat property names and the
/// paragraphs' words, so they shrink several times at little CPU cost. The uncompressed length leads,
/// so reading needs one allocation and no stream.
/// </summary>
internal static class FactCompression
{
    private const int Quality = 1, Window = 22;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[5 + BrotliEncoder.GetMaxCompressedLength(data.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, data.Length);
        if (!BrotliEncoder.TryCompress(data, buffer.AsSpan(4), out var written, Quality, Window))
            throw new InvalidOperationException("Brotli could not compress the facts.");
        return buffer.AsSpan(0, 4 + written).ToArray();
    }

    /// <exception cref="FormatException">The bytes are not compressed facts.</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4) throw new FormatException("Stored facts are truncated.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(blob);
        if (length is < 0 or > 1 << 30) throw new FormatException("Stored facts announce an impossible length.");
        var data = new byte[length];
        if (!BrotliDecoder.TryDecompress(blob[4..], data, out var written) || written != length)
            throw new FormatException("Stored facts do not decompress.");
        return data;
    }
}
