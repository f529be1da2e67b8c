using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Graph.Store.Snapshot;

/// <summary>
/// Reads a snapshot file whose checksum has been checked, and hands out its large blocks (the property records) as
/// parts of the file mapped read-only into memory instead of copies on the heap: the operating system pages in
/// what a query reads and can drop it again, so the text of a corpus does not have to fit in the process.
/// <para>
/// The file is never changed in place: a new snapshot is written beside it and renamed over it, which leaves the
/// mapped file whole until the last block of it is unreachable.
/// </para>
/// </summary>
internal sealed class SnapshotReader : BinaryReader
{
    private readonly MappedSnapshot _mapped;

    public SnapshotReader(FileStream file) : base(file, System.Text.Encoding.UTF8, leaveOpen: true)
    {
        _mapped = MappedSnapshot.Of(file);
    }

    /// <summary>A block as <see cref="SnapshotBinary.WriteSpan{T}"/> wrote it (its length, then its bytes), mapped, not read.</summary>
    public ReadOnlyMemory<byte> MapBlock()
    {
        var length = ReadInt32();
        var start = BaseStream.Position;
        if (length < 0 || start + length > BaseStream.Length) throw new InvalidDataException("A block runs past the end of the snapshot.");
        BaseStream.Seek(length, SeekOrigin.Current);
        return length == 0 ? ReadOnlyMemory<byte>.Empty : new MappedBlock(_mapped, start, length).Memory;
    }

    /// <summary>
    /// The whole file mapped read-only, held for as long as a block of it is reachable. The pointer is released
    /// by the finaliser, since the blocks are handed to property views whose lifetime nobody tracks.
    /// </summary>
    private sealed unsafe class MappedSnapshot
    {
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;

        private MappedSnapshot(MemoryMappedFile file, MemoryMappedViewAccessor view, byte* start)
        {
            _file = file;
            _view = view;
            Start = start;
        }

        public byte* Start { get; }

        public static MappedSnapshot Of(FileStream stream)
        {
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new MappedSnapshot(file, view, start + view.PointerOffset);
        }

        ~MappedSnapshot()
        {
            // The view's handle is a critical finaliser object, still usable here; releasing the pointer lets
            // its own finaliser unmap the view, and the file's close the mapping.
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            GC.KeepAlive(_file);
        }
    }

    /// <summary>One block of a mapped snapshot as <see cref="Memory{T}"/>; keeps the mapping alive.</summary>
    private sealed unsafe class MappedBlock(MappedSnapshot file, long start, int length) : MemoryManager<byte>
    {
        private readonly MappedSnapshot _file = file;

        public override Span<byte> GetSpan() => new(_file.Start + start, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(_file.Start + start + elementIndex, default, this);

        public override void Unpin() { }

        protected override void Dispose(bool disposing) { }
    }
}
