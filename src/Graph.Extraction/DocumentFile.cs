using Microsoft.Win32.SafeHandles;
using Mono.Unix;
using Mono.Unix.Native;

namespace Graph.Extraction;

/// <summary>What reading one document file gave: its bytes, or why it was not read (one line, no stack trace).</summary>
/// <param name="Content">The file's bytes, or null when it was not read.</param>
/// <param name="Code">Why not, as a diagnostic code: <c>io</c>, <c>not-regular</c> or <c>too-large</c>.</param>
/// <param name="Problem">Why not, in one sentence.</param>
public sealed record DocumentFileRead(byte[]? Content, string? Code, string? Problem)
{
    public static DocumentFileRead Refused(string code, string problem) => new(null, code, problem);
}

/// <summary>
/// Reads one document file from disk under the rules every read path shares (CLI, server start, evaluation):
/// only a regular file is read (a link is followed only to one), its size is checked against the cap before
/// reading, and at most cap + 1 bytes are read, so a FIFO cannot hang a run and a link to a device or a file
/// growing under us cannot fill memory.
/// </summary>
public static class DocumentFile
{
    /// <summary>The cap used when none is given: the longest UN documents are a few MB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    public static DocumentFileRead Read(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return OperatingSystem.IsWindows() ? ReadPortable(path, maxBytes) : ReadUnix(path, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return DocumentFileRead.Refused("io", $"Cannot read the file: {e.Message}");
        }
    }

    /// <summary>
    /// Opens without blocking (a FIFO with no writer would otherwise hang <c>open</c>), then asks the opened
    /// descriptor what it is, so nothing can be swapped in between the check and the read. The BCL has neither
    /// O_NONBLOCK nor the file type, hence Mono.Unix.
    /// </summary>
    private static DocumentFileRead ReadUnix(string path, long maxBytes)
    {
        var descriptor = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC);
        if (descriptor < 0) return DocumentFileRead.Refused("io", $"Cannot read the file: {UnixMarshal.GetErrorDescription(Stdlib.GetLastError())}.");
        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (Syscall.fstat(descriptor, out var status) != 0)
            return DocumentFileRead.Refused("io", $"Cannot read the file: {UnixMarshal.GetErrorDescription(Stdlib.GetLastError())}.");
        var type = status.st_mode & FilePermissions.S_IFMT;
        if (type != FilePermissions.S_IFREG)
            return DocumentFileRead.Refused("not-regular", $"Not a regular file ({Describe(type)}); only regular files are read.");
        return ReadCapped(handle, status.st_size, maxBytes);
    }

    private static DocumentFileRead ReadPortable(string path, long maxBytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return ReadCapped(handle, RandomAccess.GetLength(handle), maxBytes);
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes: a file that grew past the cap since its size was read is refused too.</summary>
    private static DocumentFileRead ReadCapped(SafeFileHandle handle, long length, long maxBytes)
    {
        if (length > maxBytes) return DocumentFileRead.Refused("too-large", TooLarge(length, maxBytes));
        var buffer = new byte[checked((int)Math.Min(length + 1, maxBytes + 1))];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes) return DocumentFileRead.Refused("too-large", TooLarge(total, maxBytes, sizeKnown: false));
                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, Math.Max(4096L, 2L * buffer.Length)));
            }
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0) break;
            total += read;
        }
        if (total > maxBytes) return DocumentFileRead.Refused("too-large", TooLarge(total, maxBytes, sizeKnown: false));
        return new DocumentFileRead(total == buffer.Length ? buffer : buffer[..total], null, null);
    }

    /// <summary>Why a file over the cap is not read: its size when known, else that it holds more than the cap.</summary>
    public static string TooLarge(long length, long maxBytes, bool sizeKnown = true) =>
        $"The file is {(sizeKnown ? "" : "more than ")}{Megabytes(sizeKnown ? length : maxBytes, "F1")} MB; documents over {Megabytes(maxBytes, "F0")} MB are not read (UN documents are far smaller).";

    private static string Megabytes(long bytes, string format) => (bytes / (1024.0 * 1024)).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(FilePermissions type) => type switch
    {
        FilePermissions.S_IFIFO => "a FIFO",
        FilePermissions.S_IFCHR => "a character device",
        FilePermissions.S_IFBLK => "a block device",
        FilePermissions.S_IFSOCK => "a socket",
        FilePermissions.S_IFDIR => "a folder",
        _ => "not a plain file",
    };
}
