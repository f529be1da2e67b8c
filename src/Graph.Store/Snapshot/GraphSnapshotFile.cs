using System.IO.Hashing;

namespace Graph.Store.Snapshot;

/// <summary>
/// The snapshot file beside the store's database: the in-memory graph as it was held, so that opening the store
/// reads it back instead of decoding and merging every document again.
/// <para>
/// Layout: a fixed header (magic, format version, the identity of the program that wrote it, the digest of the
/// store state it shows, the payload's length and its XxHash128), then the payload. A snapshot is used only when
/// all of these match: one written by another build (whose merge rules may differ), for other documents (stale),
/// cut short or damaged is ignored, and the store is replayed from its documents and the snapshot written again.
/// It is written to a temporary file, flushed, and renamed into place, so a process killed while writing leaves
/// the previous snapshot (or none), never half of one.
/// </para>
/// </summary>
internal static class GraphSnapshotFile
{
    public const string FileName = "graph.snapshot";
    public const string TemporaryName = FileName + ".tmp";

    private const int FormatVersion = 3;
    private static ReadOnlySpan<byte> Magic => "GRAPHSNP"u8;
    private const int HeaderLength = 8 + 4 + 16 + 32 + 8 + 16;

    /// <summary>Identifies the build: a snapshot is the output of this program's merge, which another build may do differently.</summary>
    private static readonly Guid Program = typeof(GraphSnapshotFile).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>
    /// Writes a snapshot of the state with <paramref name="stateDigest"/> into <paramref name="directory"/> through
    /// <paramref name="writePayload"/>, atomically; returns its size in bytes.
    /// </summary>
    public static long Write(string directory, ReadOnlySpan<byte> stateDigest, Action<BinaryWriter> writePayload)
    {
        var temporary = Path.Combine(directory, TemporaryName);
        long length;
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            file.Write(new byte[HeaderLength]);
            var hash = new XxHash128();
            using (var hashing = new HashingStream(file, hash))
            using (var writer = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writePayload(writer);
            }
            length = file.Length;
            Span<byte> header = stackalloc byte[HeaderLength];
            Magic.CopyTo(header);
            BitConverter.TryWriteBytes(header[8..], FormatVersion);
            Program.TryWriteBytes(header[12..]);
            stateDigest.CopyTo(header[28..60]);
            BitConverter.TryWriteBytes(header[60..], length - HeaderLength);
            hash.GetCurrentHash(header[68..]);
            file.Position = 0;
            file.Write(header);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
        return length;
    }

    /// <summary>
    /// Reads the snapshot in <paramref name="directory"/> through <paramref name="readPayload"/> when it shows the
    /// state with <paramref name="stateDigest"/> and is whole; otherwise says why it cannot be used. A temporary
    /// file left by a write that never finished is deleted.
    /// <para>
    /// The payload's checksum is computed on a second thread while <paramref name="readPayload"/> reads it, and the
    /// digest of the store's state may still be in the making (<paramref name="stateDigest"/>): on two cores the
    /// three take the time of the longest instead of their sum. Only when both match is the snapshot loaded; a
    /// payload read before its checksum failed is the caller's to throw away.
    /// </para>
    /// </summary>
    public static SnapshotRead TryRead(string directory, Task<byte[]> stateDigest, Action<BinaryReader> readPayload)
    {
        var temporary = Path.Combine(directory, TemporaryName);
        if (File.Exists(temporary)) File.Delete(temporary);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return SnapshotRead.Missing;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> header = stackalloc byte[HeaderLength];
        if (ValidateHeader(file, header) is { } problem) return problem;
        var stated = header[28..60].ToArray();
        var expected = header[68..84].ToArray();
        // A thread of its own: the caller blocks on it, and a pool thread could wait behind other blocked callers.
        var checksum = Task.Factory.StartNew(() => PayloadMatches(path, expected), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            file.Position = HeaderLength;
            // The file is mapped: the property records are not copied onto the heap.
            using (var reader = new SnapshotReader(file))
            {
                readPayload(reader);
            }
            if (file.Position != file.Length) throw new InvalidDataException("The snapshot holds more than its graph.");
        }
        catch (Exception) when (!checksum.GetAwaiter().GetResult() || !stated.AsSpan().SequenceEqual(stateDigest.GetAwaiter().GetResult()))
        {
            // Read past a damage, or a snapshot of another state: that says better why than what broke.
            return checksum.GetAwaiter().GetResult() ? StaleState : DamagedContents;
        }
        if (!stated.AsSpan().SequenceEqual(stateDigest.GetAwaiter().GetResult())) return StaleState;
        return checksum.GetAwaiter().GetResult() ? SnapshotRead.Loaded : DamagedContents;
    }

    /// <summary>Checks the snapshot's header and payload (reading it whole) against the state with <paramref name="stateDigest"/>.</summary>
    public static SnapshotRead Verify(string directory, ReadOnlySpan<byte> stateDigest)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return SnapshotRead.Missing;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Validate(file, stateDigest) ?? SnapshotRead.Loaded;
    }

    private static readonly SnapshotRead StaleState = SnapshotRead.Stale("written for other documents or saved writes than the store now holds");
    private static readonly SnapshotRead DamagedContents = SnapshotRead.Damaged("its contents do not match their checksum");

    private static SnapshotRead? Validate(FileStream file, ReadOnlySpan<byte> stateDigest)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        if (ValidateHeader(file, header) is { } problem) return problem;
        if (!header[28..60].SequenceEqual(stateDigest)) return StaleState;
        return PayloadMatches(file, header[68..84]) ? null : DamagedContents;
    }

    /// <summary>Reads and checks the header into <paramref name="header"/>: magic, format, build and length, not yet the state or the checksum.</summary>
    private static SnapshotRead? ValidateHeader(FileStream file, Span<byte> header)
    {
        if (file.Length < HeaderLength) return SnapshotRead.Damaged("shorter than its header");
        file.ReadExactly(header);
        if (!header[..8].SequenceEqual(Magic)) return SnapshotRead.Damaged("not a graph snapshot");
        if (BitConverter.ToInt32(header[8..]) != FormatVersion || new Guid(header[12..28]) != Program)
            return SnapshotRead.Stale("written by another build of the program");
        if (BitConverter.ToInt64(header[60..]) != file.Length - HeaderLength) return SnapshotRead.Damaged("cut short or extended");
        return null;
    }

    private static bool PayloadMatches(string path, byte[] expected)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        return PayloadMatches(file, expected);
    }

    /// <summary>Whether the XxHash128 of everything after the header is <paramref name="expected"/>.</summary>
    private static bool PayloadMatches(FileStream file, ReadOnlySpan<byte> expected)
    {
        file.Position = HeaderLength;
        var hash = new XxHash128();
        var buffer = new byte[1 << 20];
        int read;
        while ((read = file.Read(buffer)) > 0) hash.Append(buffer.AsSpan(0, read));
        Span<byte> actual = stackalloc byte[16];
        hash.GetCurrentHash(actual);
        return actual.SequenceEqual(expected);
    }

    /// <summary>A write-only stream that feeds everything written through it to a hash on its way to the file.</summary>
    private sealed class HashingStream(Stream inner, NonCryptographicHashAlgorithm hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.Append(buffer);
            inner.Write(buffer);
        }

        public override void WriteByte(byte value) => Write([value]);
    }
}

/// <summary>What came of reading a snapshot: loaded, or why not (missing, stale, damaged).</summary>
internal sealed record SnapshotRead(bool IsLoaded, bool IsStale, string Reason)
{
    public static readonly SnapshotRead Loaded = new(true, false, "");
    public static readonly SnapshotRead Missing = new(false, false, "there is none");

    public static SnapshotRead Stale(string reason) => new(false, true, reason);

    public static SnapshotRead Damaged(string reason) => new(false, false, reason);
}
