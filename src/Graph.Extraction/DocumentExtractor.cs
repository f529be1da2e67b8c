using Graph.Extraction.Linking;
using Graph.Extraction.Readers;
using Graph.Extraction.Recognisers;
using Graph.Extraction.Structure;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction;

/// <summary>
/// Turns one UN document (PDF, DOCX, text, Markdown, HTML or an IGov JSON record) into the facts it states:
/// a <see cref="GraphDocument"/> with its own node, paragraphs, footnotes, citations and entities, each with
/// its source span. Never throws on input: what it cannot read becomes a <see cref="Diagnostic"/>.
/// </summary>
public sealed class DocumentExtractor
{
    private readonly Gazetteer _gazetteer;

    public DocumentExtractor(Gazetteer? gazetteer = null) => _gazetteer = gazetteer ?? Gazetteer.Default;

    /// <summary>The largest file read, so one huge file cannot exhaust memory (the longest UN documents are a few MB).</summary>
    public long MaxFileBytes { get; init; } = DocumentFile.DefaultMaxBytes;

    /// <summary>
    /// The most lines, paragraphs and citations one document is read for, so its memory has a bound whatever its text;
    /// by default in proportion to <see cref="MaxFileBytes"/> (see <see cref="ExtractionLimits.For"/>).
    /// </summary>
    public ExtractionLimits Limits
    {
        // Worked out on each read rather than cached: an extractor may be shared by threads, and a getter that writes is a race.
        get => _limits ?? ExtractionLimits.For(MaxFileBytes);
        init => _limits = value;
    }

    private ExtractionLimits? _limits;

    /// <summary>
    /// Reads and extracts a file from disk (only a regular file, within <see cref="MaxFileBytes"/>, see
    /// <see cref="DocumentFile"/>); a file not read gives a diagnostic.
    /// </summary>
    public GraphDocument ExtractFile(string path)
    {
        var read = DocumentFile.Read(path, MaxFileBytes);
        if (read.Content is null)
        {
            return Failed(path, "", [], read.Code ?? "io", read.Problem ?? "The file could not be read.");
        }
        return Extract(path, read.Content);
    }

    public GraphDocument Extract(string fileName, byte[] content) => Extract(fileName, content, trace: null);

    /// <summary>Extracts, recording in <paramref name="trace"/> what the graph does not keep (for the gold-free measures).</summary>
    internal GraphDocument Extract(string fileName, byte[] content, ExtractionTrace? trace)
    {
        if (content.LongLength > MaxFileBytes) return TooLarge(fileName, content.LongLength);
        var read = LayOut(fileName, content, Limits.MaxLines, trace);
        return read.Failed ?? Extract(fileName, read.Laid!, read.DeclaredSymbol, read.Diagnostics, trace);
    }

    public GraphDocument ExtractText(string fileName, string text) => Extract(fileName, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>What the layout made of a file, without the text as decoded.</summary>
    private sealed record LaidOutFile(LaidOutText? Laid, string? DeclaredSymbol, List<Diagnostic> Diagnostics, GraphDocument? Failed);

    /// <summary>
    /// Reads and lays out the file in a frame of its own: the text as decoded is twice the file's size in memory, and the
    /// laid-out text replaces it. Read in the frame that goes on to build the graph, it stayed reachable from there until
    /// the graph was built, since code not yet optimised keeps every local and argument alive to the end of its method.
    /// </summary>
    private static LaidOutFile LayOut(string fileName, byte[] content, int maxLines, ExtractionTrace? trace)
    {
        var source = FileReader.Read(fileName, content);
        // Counted before anything is laid out (vectorised counts): the layout's memory grows with the lines, not the bytes.
        // Carriage returns and page breaks count as the layout splits them, so that text broken by them is bounded too.
        if (LayoutNormaliser.MostLines(source.Text) is var lines && lines > maxLines)
        {
            var refused = Failed(fileName, "", source.Diagnostics, "too-many-lines",
                $"The text has {lines:N0} lines (a line feed or a carriage return ends one, a page break counts two); documents of more than {maxLines:N0} lines are not read (UN documents have a line every 70 bytes or so). Nothing was extracted.");
            return new LaidOutFile(null, source.DeclaredSymbol, source.Diagnostics, refused);
        }
        try
        {
            var laid = source.Stated is { } stated ? LayoutNormaliser.FromStated(stated) : LayoutNormaliser.Normalise(source.Text, trace?.RemovedFurniture);
            if (trace is not null) trace.Laid = laid;
            return new LaidOutFile(laid, source.DeclaredSymbol, source.Diagnostics, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var failed = Failed(fileName, source.Text, [], "layout", $"The layout of the text could not be analysed: {e.Message}");
            return new LaidOutFile(null, source.DeclaredSymbol, source.Diagnostics, failed);
        }
    }

    private GraphDocument Extract(string fileName, LaidOutText laid, string? declaredSymbol, List<Diagnostic> sourceDiagnostics, ExtractionTrace? trace)
    {
        var own = OwnSymbolRecogniser.Recognise(laid, declaredSymbol, fileName);
        if (own is null)
        {
            var unknown = new GraphDocument(UnreadableId(fileName), laid.Text);
            unknown.Diagnostics.AddRange(sourceDiagnostics);
            if (sourceDiagnostics.Count == 0)
                unknown.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "no-symbol", "No UN document symbol found in the text or the file name; the document was not extracted.", fileName));
            return unknown;
        }
        var document = new GraphDocument(own.Value.Symbol.Canonical, laid.Text);
        document.Diagnostics.AddRange(sourceDiagnostics);
        if (own.Value.Source != "text")
            document.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, "symbol-source", $"The document's symbol {own.Value.Symbol.Canonical} was taken from its {own.Value.Source}.", fileName));
        try
        {
            Populate(document, laid, own.Value, fileName, trace);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A recogniser bug must not lose the document: keep what was built and say what failed.
            document.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "recogniser", $"Extraction stopped early: {e.GetType().Name}: {e.Message}", fileName));
        }
        return document;
    }

    private void Populate(GraphDocument document, LaidOutText laid, (DocumentSymbol Symbol, SourceSpan? Span, string Source) own, string fileName, ExtractionTrace? trace)
    {
        var limits = Limits;
        var identity = new DocumentIdentity { Symbol = own.Symbol, SymbolSpan = own.Span, SymbolSource = own.Source };
        HeadingRecogniser.Recognise(laid, identity);
        ClosingRecogniser.Recognise(laid, identity);
        CouncilMeetingSequence.Default.Check(identity, document.Diagnostics, fileName);
        var builder = new GraphBuilder(document);
        var documentNode = DocumentNodes.AddSelf(builder, identity, laid.Text.Length);
        // Reports and letters may quote a draft resolution; only resolutions and drafts have preambular and operative paragraphs.
        var isResolution = identity.Kind is "resolution" or "draft resolution" or "draft decision"
            || (identity.Kind is null or "decision" && laid.Blocks.Any(b => b.Kind == BlockKind.Heading && ParagraphAssembler.IsPreambleStart(laid.TextOf(b))));
        if (trace is not null) trace.IsResolution = isResolution;
        var paragraphs = ParagraphRecogniser.Recognise(laid, document.DocumentId, isResolution, limits.MaxParagraphs, out var paragraphsStopped);
        if (paragraphsStopped is { } stoppedAt)
            document.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "too-many-paragraphs",
                $"The text states more than {limits.MaxParagraphs:N0} paragraphs; the first {limits.MaxParagraphs:N0} were extracted, and the text from character {stoppedAt:N0} on was not read for paragraphs or citations.", fileName, new SourceSpan(stoppedAt, laid.Text.Length)));
        // A node per paragraph and footnote, a relationship from the document or a paragraph to each: room made once.
        var footnotes = laid.Footnotes.Count();
        builder.EnsureNodeCapacity(paragraphs.Count + footnotes);
        builder.EnsureRelationshipCapacity(paragraphs.Count + footnotes);
        foreach (var paragraph in paragraphs)
        {
            var ordinal = (object)(long)paragraph.Ordinal;
            builder.Node(paragraph.Id, [Labels.Paragraph],
            [
                ("kind", paragraph.Kind),
                ("ordinal", ordinal),
                ("number", paragraph.Number),
                ("verb", paragraph.Verb),
                ("text", paragraph.JoinedText is { } joined
                    ? CleanedText.Of(joined, laid.Text, paragraph.ContentStart, paragraph.Span.End - paragraph.ContentStart)
                    : CleanedText.Of(laid.Text, paragraph.ContentStart, paragraph.Span.End - paragraph.ContentStart)),
                ("footnotes", FootnoteList(paragraph.Footnotes)),
                ("parent", paragraph.Parent),
            ], paragraph.Span);
            builder.Relationship(RelationshipTypes.HasParagraph, documentNode.Id, paragraph.Id, [("ordinal", ordinal)], paragraph.Span);
        }
        FootnoteLinker.Link(builder, laid, paragraphs, documentNode.Id);
        var citations = CitationRecogniser.Recognise(laid, paragraphs, identity, limits.MaxCitations, out var citationsStopped);
        if (citationsStopped is { } notKept)
            document.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "too-many-citations",
                $"The text states more than {limits.MaxCitations:N0} citations; the first {limits.MaxCitations:N0} were extracted, and the first not kept is at character {notKept.Start:N0}.", fileName, notKept));
        // A link per citation and about one entity link per paragraph: room made once for both linkers.
        builder.EnsureRelationshipCapacity(citations.Count + paragraphs.Count);
        CitationLinker.Link(builder, citations, documentNode.Id, laid.InferredMarks, CitationRecogniser.FromHeading(laid, identity));
        EntityLinker.Link(builder, laid, paragraphs, identity, citations, _gazetteer, limits.MaxMentions, out var mentionsStopped);
        if (mentionsStopped is { } mentionNotKept)
            document.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "too-many-mentions",
                $"The text names organisations, operations and agreements more than {limits.MaxMentions:N0} times; the first {limits.MaxMentions:N0} mentions were linked, and the first not linked is at character {mentionNotKept.Start:N0}.", fileName, mentionNotKept));
        if (paragraphs.Count == 0 && laid.Text.Length > 0)
            document.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, "no-paragraphs", "No body paragraphs were recognised.", fileName));
    }

    private static List<object?> FootnoteList(IReadOnlyList<int> numbers)
    {
        var list = new List<object?>(numbers.Count);
        foreach (var n in numbers) list.Add((long)n);
        return list;
    }

    private GraphDocument TooLarge(string fileName, long length) =>
        Failed(fileName, "", [], "too-large", DocumentFile.TooLarge(length, MaxFileBytes) + " Nothing was extracted.");

    /// <summary>
    /// A document not extracted: no node, <paramref name="text"/> as far as it was read, the reader's
    /// <paramref name="earlier"/> diagnostics and the error that stopped it.
    /// </summary>
    private static GraphDocument Failed(string fileName, string text, IEnumerable<Diagnostic> earlier, string code, string message)
    {
        var failed = new GraphDocument(UnreadableId(fileName), text);
        failed.Diagnostics.AddRange(earlier);
        failed.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, fileName));
        return failed;
    }

    private static string UnreadableId(string fileName) => "file:" + Path.GetFileName(fileName);
}
