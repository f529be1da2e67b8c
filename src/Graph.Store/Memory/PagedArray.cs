using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

/// <summary>
/// A growable array in fixed pages of 16,384 items: growing adds a page instead of copying the whole
/// array into one half as large again. The big per-id arrays (node and relationship slots, the key
/// index) grew to tens of megabytes that way, and every outgrown copy stayed on the large object heap
/// as garbage until the next full collection, which during a long ingest raised the peak memory by
/// more than the arrays themselves. Unused room is at most one page.
/// </summary>
internal sealed class PagedArray<T>
{
    private const int PageBits = 14;
    private const int PageSize = 1 << PageBits;

    private T[][] _pages = [];

    /// <summary>Items the pages hold: indexes below this are valid.</summary>
    public long Length => (long)_pages.Length << PageBits;

    public ref T this[long index] => ref _pages[index >> PageBits][index & (PageSize - 1)];

    /// <summary>Adds pages until <paramref name="index"/> is valid; new items are default.</summary>
    public void EnsureCapacity(long index)
    {
        if (index < Length) return;
        var pages = checked((int)((index >> PageBits) + 1));
        var grown = new T[pages][];
        Array.Copy(_pages, grown, _pages.Length);
        for (var page = _pages.Length; page < pages; page++) grown[page] = new T[PageSize];
        _pages = grown;
    }

    /// <summary>The pages themselves, for a snapshot (<see cref="PagedArraySnapshot"/>).</summary>
    internal T[][] Pages { get => _pages; set => _pages = value; }

    internal const int ItemsPerPage = PageSize;
}

/// <summary>Writes and reads the pages of a <see cref="PagedArray{T}"/> of plain values as they are, for a snapshot.</summary>
internal static class PagedArraySnapshot
{
    public static void WriteTo<T>(this PagedArray<T> array, BinaryWriter writer) where T : unmanaged
    {
        writer.Write(array.Pages.Length);
        foreach (var page in array.Pages) writer.WriteSpan<T>(page);
    }

    /// <summary>Replaces the pages with those <see cref="WriteTo"/> wrote.</summary>
    public static void ReadFrom<T>(this PagedArray<T> array, BinaryReader reader) where T : unmanaged
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException("A negative page count.");
        var pages = new T[count][];
        for (var page = 0; page < count; page++)
        {
            pages[page] = new T[PagedArray<T>.ItemsPerPage];
            reader.ReadInto<T>(pages[page]);
        }
        array.Pages = pages;
    }
}
