using System.IO.Compression;

namespace Graph.Sources.Ods;

/// <summary>What a downloaded body is, told by its first bytes rather than by what the server claims.</summary>
public enum FileKind
{
    /// <summary>Not a document: an HTML page, an error message, anything else.</summary>
    Unknown,

    /// <summary>Starts with <c>%PDF</c>.</summary>
    Pdf,

    /// <summary>A ZIP package (<c>PK</c>): Office Open XML.</summary>
    Docx,

    /// <summary>An OLE compound file (<c>D0 CF 11 E0</c>): a Word 97–2003 <c>.doc</c>, which the extractor does not read.</summary>
    LegacyDoc,
}

/// <summary>Recognises document files by their magic bytes and checks that a file arrived whole.</summary>
public static class FileKinds
{
    public static FileKind Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF"u8) ? FileKind.Pdf
        : content.StartsWith("PK\u0003\u0004"u8) ? FileKind.Docx
        : content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) ? FileKind.LegacyDoc
        : FileKind.Unknown;

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Docx => ".docx",
        FileKind.LegacyDoc => ".doc",
        _ => ".bin",
    };

    /// <summary>
    /// Whether the file is complete: a PDF ends with <c>%%EOF</c> (possibly followed by whitespace), a DOCX has
    /// the ZIP central directory that sits at its very end. A body cut short fails both, even when the server
    /// sent no Content-Length to compare with.
    /// </summary>
    public static bool IsComplete(FileKind kind, byte[] content)
    {
        switch (kind)
        {
            case FileKind.Pdf:
                var tail = content.AsSpan(Math.Max(0, content.Length - 1024));
                return tail.IndexOf("%%EOF"u8) >= 0;
            case FileKind.Docx:
                try
                {
                    using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
                    return zip.GetEntry("word/document.xml") is not null;
                }
                catch (InvalidDataException)
                {
                    return false;
                }
            default:
                return true;
        }
    }
}
