using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// The PDF reader against the text rendering of the same PDF: for every document of the corpus that has both, the graph
/// read from the PDF must match the graph read from the text on at least 95 % of its citations and numbered paragraphs.
/// Unnumbered blocks (the paragraphs of a letter, a curriculum vitae, headings) are printed but not asserted: there the
/// text rendering is the weaker witness, since pdftotext runs a page's indented paragraphs into one block that the PDF's
/// layout keeps apart, so agreeing with it would mean reading the PDF worse.
/// </summary>
public sealed class PdfAgainstTextTests(ITestOutputHelper output)
{
    private const double Target = 0.95;

    [Fact]
    public void ThePdfGraphMatchesTheTextGraphOnCitationsAndParagraphs()
    {
        var pairs = RenderedPdfs(TestData.Corpus);
        Assert.NotEmpty(pairs);
        var extractor = new DocumentExtractor();
        var total = new GraphAgreement();
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (pdf, text) in pairs)
        {
            var agreement = GraphAgreement.Between(extractor.ExtractFile(pdf), extractor.ExtractFile(text));
            total.Add(agreement);
            output.WriteLine($"{Path.GetFileName(pdf),-28} {agreement}");
        }
        output.WriteLine($"{"total (" + pairs.Count + " documents)",-28} {total}  [{started.Elapsed.TotalSeconds:F1} s]");
        Assert.True(total.Share >= Target, $"the PDF graphs match the text graphs on {total.Share:P1} of citations and paragraphs, under {Target:P0}");
    }

    [Fact]
    public void ADocumentAgreesWithItselfAndNotWithAnother()
    {
        var extractor = new DocumentExtractor();
        var seed77 = extractor.ExtractFile(Repository.Seed77);
        var seed71 = extractor.ExtractFile(Repository.Seed71);
        Assert.Equal(1.0, GraphAgreement.Between(seed77, seed77).Share);
        // 71/12 and 77/13 are two resolutions of one series: they share many paragraphs and citations, not most.
        var other = GraphAgreement.Between(seed77, seed71);
        Assert.True(other.Share < 0.6, other.ToString());
        Assert.Equal(0, other.SymbolsAgreeing);
    }

    /// <summary>Each PDF of the corpus with the text rendering beside it ("X.pdftotext.txt" or "X.txt").</summary>
    private static List<(string Pdf, string Text)> RenderedPdfs(string corpus) =>
        [.. Directory.EnumerateFiles(corpus, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(pdf => (pdf, text: new[] { ".pdftotext.txt", ".txt" }.Select(ext => Path.ChangeExtension(pdf, null) + ext).FirstOrDefault(File.Exists)))
            .Where(p => p.text is not null)
            .Select(p => (p.pdf, p.text!))];
}

/// <summary>
/// How far two graphs of one document agree: the targets it cites and its paragraphs (id, verb, first words), each counted once over
/// the union of both (so a citation or paragraph missing from either side, or one only the PDF has, counts against), and
/// whether the own symbol and the body are the same.
/// </summary>
internal sealed class GraphAgreement
{
    public int CitationsAgreeing { get; private set; }
    public int Citations { get; private set; }
    /// <summary>Paragraphs the document numbers (preambular and operative paragraphs, a report's "12."): the asserted figure counts these.</summary>
    public int ParagraphsAgreeing { get; private set; }
    public int Paragraphs { get; private set; }
    /// <summary>Unnumbered blocks (a letter's or an annex's paragraphs, headings): printed, not asserted (see the test).</summary>
    public int BlocksAgreeing { get; private set; }
    public int Blocks { get; private set; }
    public int SymbolsAgreeing { get; private set; }
    public int BodiesAgreeing { get; private set; }
    public int Documents { get; private set; }

    /// <summary>Citations and paragraphs agreeing over all of them; a graph pair with neither counts as one agreeing item.</summary>
    public double Share => Citations + Paragraphs == 0 ? 1.0 : (double)(CitationsAgreeing + ParagraphsAgreeing) / (Citations + Paragraphs);

    public static GraphAgreement Between(GraphDocument fromPdf, GraphDocument fromText)
    {
        var agreement = new GraphAgreement { Documents = 1 };
        (agreement.CitationsAgreeing, agreement.Citations) = Overlap(CitedTargets(fromPdf), CitedTargets(fromText));
        var (pdfParagraphs, textParagraphs) = (ParagraphIds(fromPdf), ParagraphIds(fromText));
        (agreement.ParagraphsAgreeing, agreement.Paragraphs) = Overlap([.. pdfParagraphs.Where(IsNumbered)], [.. textParagraphs.Where(IsNumbered)]);
        (agreement.BlocksAgreeing, agreement.Blocks) = Overlap([.. pdfParagraphs.Where(k => !IsNumbered(k))], [.. textParagraphs.Where(k => !IsNumbered(k))]);
        agreement.SymbolsAgreeing = fromPdf.DocumentId == fromText.DocumentId ? 1 : 0;
        agreement.BodiesAgreeing = Body(fromPdf) is { } body && body == Body(fromText) ? 1 : 0;
        return agreement;
    }

    public void Add(GraphAgreement other)
    {
        CitationsAgreeing += other.CitationsAgreeing;
        Citations += other.Citations;
        ParagraphsAgreeing += other.ParagraphsAgreeing;
        Paragraphs += other.Paragraphs;
        BlocksAgreeing += other.BlocksAgreeing;
        Blocks += other.Blocks;
        SymbolsAgreeing += other.SymbolsAgreeing;
        BodiesAgreeing += other.BodiesAgreeing;
        Documents += other.Documents;
    }

    public override string ToString() =>
        $"citations {CitationsAgreeing}/{Citations}  paragraphs {ParagraphsAgreeing}/{Paragraphs}  unnumbered blocks {BlocksAgreeing}/{Blocks}  symbol {SymbolsAgreeing}/{Documents}  body {BodiesAgreeing}/{Documents}  → {Share:P1}";

    /// <summary>A paragraph key opens with its number; an unnumbered block's with a space.</summary>
    private static bool IsNumbered(string key) => !key.StartsWith(' ');

    private static (int Both, int Either) Overlap(HashSet<string> a, HashSet<string> b) =>
        (a.Count(b.Contains), a.Union(b).Count());

    /// <summary>What the document cites, from itself or any of its paragraphs, by target only (ids of paragraphs embed the own symbol).</summary>
    private static HashSet<string> CitedTargets(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites).Select(r => r.End)];

    /// <summary>
    /// Each paragraph as its number where the document numbers it ("op3", "pp2", a report's "12"; without the document's own symbol, so a
    /// wrong own symbol is counted once), its verb and its first words. Paragraphs the document does not number ("p7") are
    /// told by verb and first words alone, so one paragraph more or less early on does not shift every one after it. The same
    /// numbering over different text does not agree.
    /// </summary>
    private static HashSet<string> ParagraphIds(GraphDocument document)
    {
        var keys = new HashSet<string>();
        foreach (var paragraph in document.Nodes.Where(n => n.HasLabel(Labels.Paragraph)))
        {
            var id = paragraph.Id[(paragraph.Id.IndexOf('#') + 1)..];
            var number = IsOrdinal(id) ? paragraph.GetString("number") ?? "" : WithoutRepeatCount(id);
            var key = $"{number} {paragraph.GetString("verb")} {Opening(paragraph.GetString("text") ?? "")}";
            var copy = 1;
            while (!keys.Add(copy == 1 ? key : $"{key} ({copy})")) copy++;
        }
        return keys;
    }

    /// <summary>"op1-149" → "op1": a number met again (the annex lists of a resolution) takes its place in the document as a suffix, which one paragraph more or less earlier shifts.</summary>
    private static string WithoutRepeatCount(string id) => id.LastIndexOf('-') is var dash and > 0 && id[(dash + 1)..].All(char.IsAsciiDigit) ? id[..dash] : id;

    /// <summary>"p7": the seventh block of a document that is not a resolution (its printed number, if any, is in "number").</summary>
    private static bool IsOrdinal(string id) => id.Length > 1 && id[0] == 'p' && id.Skip(1).All(char.IsAsciiDigit);

    /// <summary>The first 40 letters, lower case: words run together or a footnote mark moved do not change it, a lost or different word does.</summary>
    private static string Opening(string text) => new([.. text.Where(char.IsLetter).Take(40).Select(char.ToLowerInvariant)]);

    private static string? Body(GraphDocument document) => document.FindNode(document.DocumentId)?.GetString("body");
}
