using Graph.Extraction.Structure;

namespace Graph.Extraction;

/// <summary>
/// What the extractor decided on the way that the graph does not keep: the lines it removed as page furniture and
/// the blocks it laid the text out in. Filled only when asked for (the gold-free measures), so extraction pays nothing otherwise.
/// </summary>
internal sealed class ExtractionTrace
{
    /// <summary>Lines dropped as running headers, page numbers, job numbers and bar codes, as they were written.</summary>
    public List<string> RemovedFurniture { get; } = [];

    /// <summary>The laid-out text the paragraph and footnote spans point into, with its blocks.</summary>
    public LaidOutText? Laid { get; set; }

    /// <summary>Whether the document was read as a resolution or draft (preambular and operative paragraphs).</summary>
    public bool IsResolution { get; set; }
}
