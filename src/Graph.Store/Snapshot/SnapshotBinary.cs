using System.Runtime.InteropServices;

namespace Graph.Store.Snapshot;

/// <summary>
/// Blocks of plain values written and read as their bytes (little-endian, as every machine .NET runs the
/// store on), so that the arrays of a graph snapshot load at the speed of the disk rather than value by value.
/// </summary>
internal static class SnapshotBinary
{
    public static void WriteSpan<T>(this BinaryWriter writer, ReadOnlySpan<T> values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    public static T[] ReadArray<T>(this BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0) throw new InvalidDataException("A negative array length.");
        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Reads a block into <paramref name="target"/>, which must be exactly as long as the block.</summary>
    public static void ReadInto<T>(this BinaryReader reader, Span<T> target) where T : unmanaged
    {
        if (reader.ReadInt32() != target.Length) throw new InvalidDataException("An array of an unexpected length.");
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(target));
    }

    /// <summary>A block of bytes as <see cref="WriteSpan{T}"/> wrote it: mapped when the snapshot is, else read onto the heap.</summary>
    public static ReadOnlyMemory<byte> ReadBlock(this BinaryReader reader) =>
        reader is SnapshotReader mapped ? mapped.MapBlock() : reader.ReadArray<byte>();

    public static void WriteStrings(this BinaryWriter writer, IReadOnlyCollection<string> strings)
    {
        writer.Write(strings.Count);
        foreach (var value in strings) writer.Write(value);
    }

    public static string[] ReadStrings(this BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException("A negative string count.");
        var strings = new string[count];
        for (var index = 0; index < count; index++) strings[index] = reader.ReadString();
        return strings;
    }
}
