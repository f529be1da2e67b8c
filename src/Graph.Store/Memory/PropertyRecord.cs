using System.Collections;
using System.Text;
using Graph.Model;

namespace Graph.Store.Memory;

/// <summary>
/// The byte form of a property map in a <see cref="RecordArena"/>: a header (count × 2, + 1 when a
/// relationship key follows the entries), then per key (in ordinal order) the key's index in the
/// <see cref="StringTable"/> and a tagged value, then the relationship key as UTF-8 if there is one. Integers are zigzag
/// varints, short strings are table indexes (one copy per distinct value), long strings (paragraph
/// texts, citation contexts) are UTF-8 inline and become .NET strings only when read.
/// </summary>
internal static class PropertyRecord
{
    /// <summary>String values up to this length are pooled: kinds, verbs, bodies, dates, document ids.</summary>
    public const int LongestPooledValue = 48;

    private const byte False = 0, True = 1, Integer = 2, Float = 3, Pooled = 4, Utf8 = 5, List = 6, Map = 7, Temporal = 9, Point = 10, Point3D = 11;

    /// <summary>
    /// Encodes <paramref name="map"/> and a relationship's <paramref name="relationshipKey"/> into
    /// <paramref name="buffer"/> (cleared first); nothing for an empty map without a key.
    /// </summary>
    public static void Encode(PropertyMap map, StringTable strings, RecordBuffer buffer, string relationshipKey = "")
    {
        buffer.Clear();
        if (map.Count == 0 && relationshipKey.Length == 0) return;
        buffer.WriteVarint(((uint)map.Count << 1) | (relationshipKey.Length > 0 ? 1u : 0u));
        foreach (var (key, value) in map)
        {
            buffer.WriteVarint((uint)strings.IndexOf(key));
            WriteValue(value, strings, buffer, alwaysPool: key == Graph.Model.PropertyNames.Id);
        }
        // Relationship keys (an occurrence's offset, "p2@442") are nearly all distinct: inline, not pooled.
        if (relationshipKey.Length > 0) buffer.WriteUtf8(relationshipKey);
    }

    /// <summary>The relationship key stored after the entries of the record; "" when none.</summary>
    public static string RelationshipKey(ReadOnlySpan<byte> chunk, int offset)
    {
        var reader = new Reader(chunk, offset, null);
        var (count, keyed) = reader.Header();
        for (var i = 0; i < count; i++)
        {
            reader.Varint();
            reader.SkipValue();
        }
        if (!keyed) return "";
        var length = (int)reader.Varint();
        return Encoding.UTF8.GetString(chunk.Slice(reader.Position, length));
    }

    /// <summary>Whether the relationship key stored after the entries of the record is <paramref name="key"/>, without decoding it.</summary>
    public static bool RelationshipKeyEquals(ReadOnlySpan<byte> chunk, int offset, string key)
    {
        var reader = new Reader(chunk, offset, null);
        var (count, keyed) = reader.Header();
        if (!keyed) return key.Length == 0;
        for (var i = 0; i < count; i++)
        {
            reader.Varint();
            reader.SkipValue();
        }
        var length = (int)reader.Varint();
        var stored = chunk.Slice(reader.Position, length);
        if (key.Length > length || length > key.Length * 3) return false;
        Span<byte> buffer = length <= 256 ? stackalloc byte[256] : new byte[length * 3];
        return Encoding.UTF8.TryGetBytes(key, buffer, out var written) && stored.SequenceEqual(buffer[..written]);
    }

    private static void WriteValue(object? value, StringTable strings, RecordBuffer buffer, bool alwaysPool = false)
    {
        switch (value)
        {
            case bool b:
                buffer.WriteByte(b ? True : False);
                break;
            case long l:
                buffer.WriteByte(Integer);
                buffer.WriteVarint((ulong)((l << 1) ^ (l >> 63)));
                break;
            case double d:
                buffer.WriteByte(Float);
                buffer.WriteDouble(d);
                break;
            case string s when alwaysPool || s.Length <= LongestPooledValue:
                buffer.WriteByte(Pooled);
                buffer.WriteVarint((uint)strings.IndexOf(s));
                break;
            case string s:
                buffer.WriteByte(Utf8);
                buffer.WriteUtf8(s);
                break;
            case TemporalProperty t:
                // Kind, the five numbers as zigzag varints, then 1 + the zone's string index (0 for none).
                buffer.WriteByte(Temporal);
                buffer.WriteByte((byte)t.Kind);
                foreach (var n in (ReadOnlySpan<long>)[t.Months, t.Days, t.Seconds, t.Nanos, t.Offset])
                {
                    buffer.WriteVarint((ulong)((n << 1) ^ (n >> 63)));
                }
                buffer.WriteVarint(t.Zone is null ? 0u : 1u + (uint)strings.IndexOf(t.Zone));
                break;
            case SpatialPoint p:
                // The SRID as a varint, then the coordinates as doubles: exactly as given, nothing rounded.
                buffer.WriteByte(p.Z is null ? Point : Point3D);
                buffer.WriteVarint((uint)p.Srid);
                buffer.WriteDouble(p.X);
                buffer.WriteDouble(p.Y);
                if (p.Z is { } z) buffer.WriteDouble(z);
                break;
            case IDictionary<string, object?> map:
                buffer.WriteByte(Map);
                buffer.WriteVarint((uint)map.Count);
                foreach (var (key, item) in map)
                {
                    WriteValue(key, strings, buffer);
                    WriteValue(item, strings, buffer);
                }
                break;
            case IList list:
                buffer.WriteByte(List);
                buffer.WriteVarint((uint)list.Count);
                foreach (var item in list) WriteValue(item, strings, buffer);
                break;
            default:
                // PropertyValueRules admits nothing else; a null inside a list or map is the one gap.
                if (value is not null) throw new InvalidOperationException($"A property value of type {value.GetType().Name} cannot be stored.");
                buffer.WriteByte(Map + 1);
                break;
        }
    }

    /// <summary>Length in bytes of the record at <paramref name="offset"/>.</summary>
    public static int Length(ReadOnlySpan<byte> chunk, int offset)
    {
        var reader = new Reader(chunk, offset, null);
        var (count, keyed) = reader.Header();
        for (var i = 0; i < count; i++)
        {
            reader.Varint();
            reader.SkipValue();
        }
        if (!keyed) return reader.Position - offset;
        var keyLength = (int)reader.Varint();
        return reader.Position + keyLength - offset;
    }

    /// <summary>Reads one record; everything it hands out is a fresh object or an immutable pooled string.</summary>
    public ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _chunk;
        private readonly StringTable? _strings;
        private int _position;

        public Reader(ReadOnlySpan<byte> chunk, int offset, StringTable? strings)
        {
            _chunk = chunk;
            _strings = strings;
            _position = offset;
        }

        public readonly int Position => _position;

        public ulong Varint()
        {
            ulong result = 0;
            var shift = 0;
            while (true)
            {
                var b = _chunk[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return result;
                shift += 7;
            }
        }

        /// <summary>The number of entries, and whether a relationship key follows them.</summary>
        public (int Count, bool Keyed) Header()
        {
            var header = Varint();
            return ((int)(header >> 1), (header & 1) != 0);
        }

        public string Key() => _strings![(int)Varint()];

        public object? Value()
        {
            var tag = _chunk[_position++];
            switch (tag)
            {
                case False: return PropertyValueRules.Box(false);
                case True: return PropertyValueRules.Box(true);
                case Integer:
                    var zigzag = Varint();
                    return PropertyValueRules.Box((long)(zigzag >> 1) ^ -(long)(zigzag & 1));
                case Float:
                    var d = BitConverter.ToDouble(_chunk.Slice(_position, 8));
                    _position += 8;
                    return d;
                case Pooled: return _strings![(int)Varint()];
                case Utf8:
                    var length = (int)Varint();
                    var text = Encoding.UTF8.GetString(_chunk.Slice(_position, length));
                    _position += length;
                    return text;
                case List:
                    var count = (int)Varint();
                    var list = new List<object?>(count);
                    for (var i = 0; i < count; i++) list.Add(Value());
                    return list;
                case Map:
                    var size = (int)Varint();
                    var map = new Dictionary<string, object?>(size, StringComparer.Ordinal);
                    for (var i = 0; i < size; i++)
                    {
                        var key = (string)Value()!;
                        map[key] = Value();
                    }
                    return map;
                case Temporal:
                    var kind = (TemporalKind)_chunk[_position++];
                    var months = Signed();
                    var days = Signed();
                    var seconds = Signed();
                    var nanos = Signed();
                    var offsetSeconds = (int)Signed();
                    var zone = (int)Varint();
                    return new TemporalProperty(kind, months, days, seconds, nanos, offsetSeconds, zone == 0 ? null : _strings![zone - 1]);
                case Point or Point3D:
                    var srid = (int)Varint();
                    var x = Double();
                    var y = Double();
                    return new SpatialPoint(srid, x, y, tag == Point3D ? Double() : null);
                default: return null;
            }
        }

        private double Double()
        {
            var d = BitConverter.ToDouble(_chunk.Slice(_position, 8));
            _position += 8;
            return d;
        }

        private long Signed()
        {
            var zigzag = Varint();
            return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
        }

        public void SkipValue()
        {
            var tag = _chunk[_position++];
            switch (tag)
            {
                case Integer or Pooled: Varint(); break;
                case Float: _position += 8; break;
                case Utf8:
                    var length = (int)Varint();
                    _position += length;
                    break;
                case List:
                    var count = Varint();
                    for (ulong i = 0; i < count; i++) SkipValue();
                    break;
                case Map:
                    var size = Varint();
                    for (ulong i = 0; i < size * 2; i++) SkipValue();
                    break;
                case Temporal:
                    _position++;
                    for (var i = 0; i < 6; i++) Varint();
                    break;
                case Point or Point3D:
                    Varint();
                    _position += tag == Point3D ? 24 : 16;
                    break;
                default: break;
            }
        }
    }
}

/// <summary>A reusable, growable byte buffer a record is encoded into before it is appended to the arena.</summary>
internal sealed class RecordBuffer
{
    private byte[] _bytes = new byte[256];
    private int _length;

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _bytes[_length++] = value;
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _bytes[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _bytes[_length++] = (byte)value;
    }

    public void WriteDouble(double value)
    {
        Ensure(8);
        BitConverter.TryWriteBytes(_bytes.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteUtf8(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((uint)length);
        Ensure(length);
        _length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
    }

    private void Ensure(int more)
    {
        if (_length + more > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
    }
}
