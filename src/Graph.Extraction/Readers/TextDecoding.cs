using System.Text;

namespace Graph.Extraction.Readers;

/// <summary>
/// Decodes a text file whatever it was saved as: UTF-8 (with or without BOM), UTF-16 with a BOM, UTF-16
/// without one (every other byte zero), and otherwise Windows-1252, the Latin-1 superset that older UN text
/// files and Windows editors write. Invalid UTF-8 is never silently turned into replacement characters:
/// either the whole file is valid UTF-8 or it is read as Windows-1252 and the caller is told so.
/// </summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>The text, and the name of the encoding when it was not UTF-8 (for an informational diagnostic).</summary>
    public static string Decode(byte[] content, out string? encodingName)
    {
        encodingName = null;
        var span = content.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) return Utf8OrLegacy(content, 3, out encodingName);
        if (span.StartsWith((byte[])[0xFF, 0xFE]))
        {
            encodingName = "UTF-16 (little-endian)";
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }
        if (span.StartsWith((byte[])[0xFE, 0xFF]))
        {
            encodingName = "UTF-16 (big-endian)";
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }
        if (LooksLikeUtf16WithoutBom(span, out var bigEndian))
        {
            encodingName = bigEndian ? "UTF-16 (big-endian, no BOM)" : "UTF-16 (little-endian, no BOM)";
            return (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(content);
        }
        return Utf8OrLegacy(content, 0, out encodingName);
    }

    private static string Utf8OrLegacy(byte[] content, int start, out string? encodingName)
    {
        encodingName = null;
        try
        {
            return StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            encodingName = "Windows-1252";
            return Windows1252.Value.GetString(content, start, content.Length - start);
        }
    }

    /// <summary>ASCII-range text in UTF-16 has a zero in every other byte; look at the first few kilobytes.</summary>
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> content, out bool bigEndian)
    {
        bigEndian = false;
        var sample = content[..(Math.Min(content.Length, 4096) & ~1)];
        // Neither kind of UTF-16 without a zero byte: most files are answered by one vectorised search.
        if (sample.Length < 8 || !sample.Contains((byte)0)) return false;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        var pairs = sample.Length / 2;
        if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return true;
        if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }
}
