namespace Graph.Extraction;

/// <summary>
/// The most the extractor builds from one document, so the memory one document takes has a bound whatever its text
/// says. The layout, the paragraphs and the citations each cost a fixed amount at their peak: about 60 bytes a line,
/// 1 KB a paragraph, 500 bytes a citation (5 KB where each cites a document of its own). A text can make these as short
/// as it likes: 25 MB of "(a) To;" lines are three million sub-paragraphs, and uploaded to the server they took its heap
/// to its limit (1.6 GB resident) and ended in an OutOfMemoryException. Each bound is well above what a text of the
/// size cap states at the density of real UN documents: a 64 MB synthetic resolution of real density has about 0.8
/// million lines, 161,675 paragraphs and 81,000 citations (at nine times that density, 1.1 million lines, 190,000
/// paragraphs and 762,000 citations), and the longest resolution of the reference collection has 684 paragraphs.
/// </summary>
public sealed record ExtractionLimits
{
    /// <summary>
    /// The bounds for files of at most <paramref name="maxFileBytes"/>: a line for every 32 bytes, a paragraph for every
    /// 256, a citation and a mention for every 64. Real UN text has a line every 70 bytes or so, a paragraph every 400, a
    /// citation every 800 and a mention every 600 (607 over the reference collection). For the 64 MB a file may have by default: 2.1 million lines, 262,000
    /// paragraphs, 1.05 million citations and as many mentions; for the server's 32 MB uploads, half as many.
    /// </summary>
    public static ExtractionLimits For(long maxFileBytes)
    {
        var bytes = Math.Max(maxFileBytes, MinimumBytes);
        return new ExtractionLimits
        {
            MaxLines = (int)Math.Min(int.MaxValue, bytes / 32),
            MaxParagraphs = (int)Math.Min(int.MaxValue, bytes / 256),
            MaxCitations = (int)Math.Min(int.MaxValue, bytes / 64),
            MaxMentions = (int)Math.Min(int.MaxValue, bytes / 64),
        };
    }

    /// <summary>
    /// The bounds for a document uploaded to the server, which keeps every graph it ingests in a heap of bounded size:
    /// 50,000 paragraphs (73 times the longest resolution of the reference collection), 50,000 citations and 50,000
    /// mentions. Storing a
    /// document costs its store 2-3 KB of heap a node or relationship at the peak, and the bounds of a 32 MB file
    /// (131,072 paragraphs, 524,288 citations, each cited document a node) made an upload that ran the server's heap out.
    /// </summary>
    public static ExtractionLimits ForUploads(long maxUploadBytes) => For(maxUploadBytes) with { MaxParagraphs = 50_000, MaxCitations = 50_000, MaxMentions = 50_000 };

    /// <summary>
    /// How many items a recogniser reads to learn whether a text holds more than <paramref name="room"/> (what a bound leaves):
    /// one more, without overflowing where there is no bound.
    /// </summary>
    internal static int OneMoreThan(int room) => room == int.MaxValue ? room : Math.Max(0, room) + 1;

    // Bounds worked out from a small size cap (tests set a few kilobytes) would refuse a short real text denser than the
    // average (1 KB of 40 short lines is past 1,024 / 32); under a megabyte the cap alone keeps a document small.
    private const long MinimumBytes = 1L << 20;

    /// <summary>Lines of text (blank ones counted) past which a text is not laid out at all: the layout's cost is per line.</summary>
    public required int MaxLines { get; init; }

    /// <summary>Paragraphs past which no more are recognised; the document keeps the ones before and says where it stopped.</summary>
    public required int MaxParagraphs { get; init; }

    /// <summary>Citations past which no more are read; the document keeps the first ones and says where the first not kept stands.</summary>
    public required int MaxCitations { get; init; }

    /// <summary>
    /// Mentions of organisations, operations and agreements past which no more are linked; the document keeps the first
    /// ones and says where it stopped. Real UN text names one every 600 bytes or so; a text can name one every ten.
    /// </summary>
    public required int MaxMentions { get; init; }
}
