using Graph.Extraction.Recognisers;
using Graph.Extraction.Readers;
using Graph.Extraction.Structure;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Evaluation;

/// <summary>The gold-free measures of one document (see <see cref="StructureMeasures"/>).</summary>
public sealed class DocumentMeasures(string file, string documentId)
{
    public string File { get; } = file;

    public string DocumentId { get; } = documentId;

    public bool IsResolution { get; set; }

    public int BodyCharacters { get; set; }

    public int CoveredCharacters { get; set; }

    public double Coverage => BodyCharacters == 0 ? 1 : (double)CoveredCharacters / BodyCharacters;

    /// <summary>The longest stretches of body text no paragraph covers, for the worst-documents listing.</summary>
    public List<string> Uncovered { get; } = [];

    public int Footnotes { get; set; }

    public int FootnotesAttached { get; set; }

    public List<int> FootnotesUnattached { get; } = [];

    public int OperativeParagraphs { get; set; }

    public int OperativeVerbsKnown { get; set; }

    public List<string> UnknownVerbs { get; } = [];

    /// <summary>Verbs not in the lexicon as printed but one scan confusion away from a phrase of it ("Reguests" for "Requests").</summary>
    public List<string> SpoiledVerbs { get; } = [];

    /// <summary>Its operative paragraphs in order, each number, verb and text, for comparing a draft's verbs with its resolution's.</summary>
    public List<OperativeOpening> Operatives { get; } = [];

    /// <summary>Its numbered paragraphs read by the simple reader of the raw text and lined up with the operative ones (<see cref="VerbProbe"/>).</summary>
    public VerbProbeResult VerbsProbed { get; set; } = VerbProbeResult.None;

    /// <summary>Preambular paragraphs, and those not of a preambular paragraph's shape (<see cref="PreambleShape"/>).</summary>
    public int PreambularParagraphs { get; set; }

    public List<string> PreambleSuspects { get; } = [];

    public List<string> SuspectFurniture { get; } = [];

    public List<string> ImplausibleSymbols { get; } = [];

    /// <summary>Strings in the paragraphs and footnotes that look like a reference to another document (<see cref="ReferenceProbe"/>).</summary>
    public int References { get; set; }

    /// <summary>Those of them no paragraph's citation covers, each with the words before it.</summary>
    public List<string> UncitedReferences { get; } = [];

    /// <summary>The documents it cites (its own CITES), for comparing a draft with the resolution adopted from it.</summary>
    public HashSet<string> Cited { get; } = new(StringComparer.Ordinal);

    /// <summary>Its text's runs of six words (<see cref="PairedTexts.Shingles"/>), by which a draft and its resolution are paired.</summary>
    public HashSet<long> Shingles { get; set; } = [];

    /// <summary>The resolution numbers and symbols its text prints (<see cref="PairedTexts.Numbers"/>).</summary>
    public HashSet<string> NumbersHeld { get; set; } = [];
}

/// <summary>An operative paragraph's number, the verb read for it and its text.</summary>
public sealed record OperativeOpening(string Number, string Verb, string Text);

/// <summary>The gold-free measures summed over one collection.</summary>
public sealed class CollectionMeasures(string name)
{
    public string Name { get; } = name;

    public List<DocumentMeasures> Documents { get; } = [];

    /// <summary>The same collection without the documents <paramref name="leftOut"/> picks (a listing that must not show them).</summary>
    public CollectionMeasures WithoutDocuments(Func<DocumentMeasures, bool> leftOut)
    {
        var kept = new CollectionMeasures(Name);
        kept.Documents.AddRange(Documents.Where(d => !leftOut(d)));
        return kept;
    }

    public long BodyCharacters => Documents.Sum(d => (long)d.BodyCharacters);

    public double Coverage => Ratio(Documents.Sum(d => (long)d.CoveredCharacters), BodyCharacters);

    /// <summary>The lowest coverage of a resolution or draft that has body text.</summary>
    public double LowestResolutionCoverage => Documents.Where(d => d.IsResolution && d.BodyCharacters > 0).Select(d => d.Coverage).DefaultIfEmpty(1).Min();

    public int ResolutionsUnder(double coverage) => Documents.Count(d => d.IsResolution && d.BodyCharacters > 0 && d.Coverage < coverage);

    public int Footnotes => Documents.Sum(d => d.Footnotes);

    public double FootnotesAttached => Ratio(Documents.Sum(d => (long)d.FootnotesAttached), Footnotes);

    public int OperativeParagraphs => Documents.Sum(d => d.OperativeParagraphs);

    public double VerbsKnown => Ratio(Documents.Sum(d => (long)d.OperativeVerbsKnown), OperativeParagraphs);

    /// <summary>Operative verbs outside the lexicon as printed that a scan spoiled from one of its phrases (not counted as known).</summary>
    public int SpoiledVerbs => Documents.Sum(d => d.SpoiledVerbs.Count);

    public int PreambularParagraphs => Documents.Sum(d => d.PreambularParagraphs);

    public int PreambleSuspects => Documents.Sum(d => d.PreambleSuspects.Count);

    public int SuspectFurniture => Documents.Sum(d => d.SuspectFurniture.Count);

    public int ImplausibleSymbols => Documents.Sum(d => d.ImplausibleSymbols.Count);

    public int References => Documents.Sum(d => d.References);

    public int UncitedReferences => Documents.Sum(d => d.UncitedReferences.Count);

    private static double Ratio(long part, long whole) => whole == 0 ? 1 : (double)part / whole;
}

/// <summary>
/// Measures that need no gold set, so they hold on any document: how much of the body the paragraphs cover, how many
/// footnotes a paragraph calls, how many operative paragraphs open with a known operative phrase, whether page-furniture
/// removal took a line that says something, and whether the symbols found are ones the symbol series allow.
/// </summary>
public static class StructureMeasures
{
    /// <summary>Measures every document of the folders, one collection per folder.</summary>
    public static List<CollectionMeasures> Run(IEnumerable<(string Name, string Folder)> collections, OperativeLexicon lexicon)
    {
        var extractor = new DocumentExtractor();
        var result = new List<CollectionMeasures>();
        foreach (var (name, folder) in collections)
        {
            var measures = new CollectionMeasures(name);
            foreach (var file in CorpusFiles.Enumerate([folder], out _))
            {
                var bytes = DocumentFile.Read(file).Content;
                if (bytes is null) continue;
                measures.Documents.Add(Measure(extractor, Path.GetRelativePath(folder, file).Replace('\\', '/'), bytes, lexicon));
            }
            result.Add(measures);
        }
        return result;
    }

    /// <summary>Extracts one document and measures it.</summary>
    public static DocumentMeasures Measure(DocumentExtractor extractor, string file, byte[] content, OperativeLexicon lexicon)
    {
        var trace = new ExtractionTrace();
        var document = extractor.Extract(file, content, trace);
        var measures = new DocumentMeasures(file, document.DocumentId) { IsResolution = trace.IsResolution };
        var paragraphs = document.Nodes.Where(n => n.HasLabel(Labels.Paragraph)).ToList();
        if (trace.Laid is { } laid)
        {
            MeasureCoverage(measures, laid, paragraphs);
            var (found, missed) = ReferenceProbe.Probe(laid, document);
            measures.References = found;
            measures.UncitedReferences.AddRange(missed);
            measures.Shingles = PairedTexts.Shingles(laid.Text);
            measures.NumbersHeld = PairedTexts.Numbers(laid.Text);
        }
        measures.Cited.UnionWith(PairedTexts.CitedBy(document));
        MeasureFootnotes(measures, document);
        MeasureVerbs(measures, paragraphs, lexicon);
        // The probe reads the raw text, which only a plain-text file gives as it is printed.
        if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            measures.VerbsProbed = VerbProbe.Compare(VerbProbe.Read(System.Text.Encoding.UTF8.GetString(content)), measures.Operatives);
        PreambleShape.Measure(measures, paragraphs);
        MeasureFurniture(measures, trace.RemovedFurniture, document, lexicon);
        MeasureSymbols(measures, document);
        return measures;
    }

    /// <summary>
    /// Body text is what the drafting convention puts between the organ's name and the closing lines: in the laid-out
    /// text (page furniture already removed, footnotes gathered after the body), the characters from the start of the
    /// first paragraph block (for a resolution, the first after "The General Assembly,") to the end of the last one,
    /// leaving out headings, closing lines and footnote blocks, whitespace, footnote marks and emphasis asterisks,
    /// and the section titles ("A.", "II. Financing", "II Strategic heritage plan", and those the paragraphs are read without:
    /// see ParagraphRecogniser.ReadsAsSectionTitle) which are no paragraphs by convention.
    /// A character is covered when a paragraph's span holds it.
    /// </summary>
    private static void MeasureCoverage(DocumentMeasures measures, LaidOutText laid, List<GraphNode> paragraphs)
    {
        var inSpans = new bool[laid.Text.Length];
        var spanStarts = new SortedSet<int>();
        foreach (var paragraph in paragraphs)
        {
            if (SpanOf(paragraph) is not { } span) continue;
            Array.Fill(inSpans, true, span.Start, Math.Min(span.End, inSpans.Length) - span.Start);
            spanStarts.Add(span.Start);
        }
        var inBody = !measures.IsResolution || !laid.Blocks.Any(b => b.Kind == BlockKind.Heading && ParagraphAssembler.IsPreambleStart(laid.TextOf(b)));
        // A draft decision's body is its sentence and what follows; the masthead before it is not body text.
        var (decisionStart, decisionAt) = measures.IsResolution && inBody ? ParagraphRecogniser.DecisionStart(laid) : (-1, -1);
        if (decisionStart >= 0) inBody = false;
        var uncovered = new List<string>();
        var firstInBody = measures.IsResolution;
        // Whether the body block before was a section's numeral standing alone, whose title may follow in a block of its own.
        var underNumeral = false;
        for (var b = 0; b < laid.Blocks.Count; b++)
        {
            var block = laid.Blocks[b];
            if (b == decisionStart) inBody = true;
            if (block.Kind == BlockKind.Heading && ParagraphAssembler.IsPreambleStart(laid.TextOf(block))) inBody = true;
            if (!inBody || block.Kind != BlockKind.Paragraph) continue;
            var numeralBefore = underNumeral;
            underNumeral = ParagraphRecogniser.ReadsAsSectionNumeral(laid.TextOf(block));
            if (IsSectionTitle(laid.TextOf(block)) || (measures.IsResolution && ParagraphRecogniser.ReadsAsSectionTitle(laid.TextOf(block), numeralBefore, runIn: false))) continue;
            // The organ's line that opens the next part of a resolution in parts is a heading, as the first one is.
            if (measures.IsResolution && block.End - block.Start < 70 && ParagraphAssembler.IsOrganLine(laid.TextOf(block))) continue;
            var covered = 0;
            var counted = 0;
            var runStart = -1;
            // The volume's heading run into an early Council text's first paragraph ("17 (1947). Resolution of 10 February 1947") is none of its body.
            var from = b == decisionStart ? decisionAt : block.Start;
            if (firstInBody) from += ParagraphRecogniser.VolumeHeadingLength(laid.Text.AsSpan(from, block.End - from));
            firstInBody = false;
            // A section's title the layout ran into the paragraph after it ("I Activities of the Office of Internal Oversight
            // Services Recalling …"), which the paragraph's span leaves out, is a title as one standing alone is.
            if (from < inSpans.Length && !inSpans[from] && spanStarts.GetViewBetween(from + 1, block.End - 1) is { Count: > 0 } inside
                && (IsSectionTitle(laid.Text[from..inside.Min].Trim()) || ParagraphRecogniser.ReadsAsSectionTitle(laid.Text[from..inside.Min], underNumeral: false, runIn: true)))
                from = inside.Min;
            for (var i = from; i <= block.End; i++)
            {
                var isBody = i < block.End && !char.IsWhiteSpace(laid.Text[i]) && !Superscript.IsDigit(laid.Text[i]) && laid.Text[i] != '*';
                var inSpan = isBody && inSpans[i];
                if (isBody) counted++;
                if (inSpan) covered++;
                if (isBody && !inSpan) { if (runStart < 0) runStart = i; }
                else if (runStart >= 0 && (i == block.End || isBody))
                {
                    uncovered.Add(laid.Text[runStart..i]);
                    runStart = -1;
                }
            }
            measures.BodyCharacters += counted;
            measures.CoveredCharacters += covered;
        }
        measures.Uncovered.AddRange(uncovered.OrderByDescending(u => u.Length).Take(3));
    }

    private static SourceSpan? SpanOf(GraphNode node) =>
        node.Properties.TryGetValue(PropertyNames.SpanStart, out var s) && node.Properties.TryGetValue(PropertyNames.SpanEnd, out var e) && s is long start && e is long end
            ? new SourceSpan((int)start, (int)end)
            : null;

    /// <summary>"A.", "II. Financing of the Mission", "B. Regional cooperation": a section marker and a short title without final punctuation.</summary>
    private static bool IsSectionTitle(string text)
    {
        if (text.Length > 150 || text.TrimEnd().EndsWith(';') || text.TrimEnd().EndsWith(',')) return false;
        var p = 0;
        while (p < text.Length && p < 6 && text[p] is 'I' or 'V' or 'X' or 'L') p++;
        if (p == 0 && text.Length > 0 && char.IsAsciiLetterUpper(text[0])) p = 1;
        if (p > 0 && p < text.Length && text[p] == '.' && (p + 1 == text.Length || text[p + 1] == ' ')) return true;
        // "II Strategic heritage plan of the United Nations Office at Geneva": a roman numeral without its point, then the title.
        var roman = 0;
        while (roman < text.Length && roman < 6 && text[roman] is 'I' or 'V' or 'X' or 'L') roman++;
        if (roman > 0 && (roman == text.Length || text[roman] is ' ' or '\n') && !text.TrimEnd().EndsWith('.')) return true;
        // "Budget estimates for the period from 1 July 2024 to 30 June 2025", "Section 21 Economic and social development in
        // Latin America and the Caribbean", "Related report of the Advisory Committee …²", "Rights of Indigenous Peoples:" (a
        // programme of work's cluster): a sub-heading, short and without the punctuation that ends a paragraph (the recogniser
        // takes no paragraph from it; a verb that announces a list, "Calls upon the parties :", opens a paragraph and is covered).
        var words = text.TrimEnd().TrimEnd(SuperscriptDigits).TrimEnd();
        return words.Length is > 0 and < 100 && char.IsUpper(words[0]) && !words.Contains('\n', StringComparison.Ordinal)
            && words[^1] is not ('.' or ';' or ',' or '!' or '?') && !words.EndsWith(" and", StringComparison.Ordinal) && !words.EndsWith(" or", StringComparison.Ordinal);
    }

    private static readonly char[] SuperscriptDigits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

    private static void MeasureFootnotes(DocumentMeasures measures, GraphDocument document)
    {
        var footnotes = document.Nodes.Where(n => n.HasLabel(Labels.Footnote)).ToList();
        // Attached: called from a paragraph, or from the heading or closing line its mark stands in (a vote note under
        // "Adopted at the 2nd meeting", which no paragraph calls), or a volume's note on the agenda item, whose mark stands
        // in decision text outside the resolution; a footnote whose mark was not found is not. Links made by inference
        // (a damaged mark, footnote order) count, and carry "placed".
        var callers = document.Relationships.Where(r => r.Type == RelationshipTypes.HasFootnote && (r.Start != document.DocumentId || r.Properties.ContainsKey("calledFrom")))
            .Select(r => r.End).ToHashSet(StringComparer.Ordinal);
        measures.Footnotes = footnotes.Count;
        foreach (var footnote in footnotes)
        {
            if (callers.Contains(footnote.Id)) measures.FootnotesAttached++;
            else if (footnote.Properties.TryGetValue("number", out var n) && n is long number) measures.FootnotesUnattached.Add((int)number);
        }
    }

    /// <summary>Operative paragraphs of their own (sub-paragraphs "(a)" open with whatever continues the sentence of their paragraph).</summary>
    private static void MeasureVerbs(DocumentMeasures measures, List<GraphNode> paragraphs, OperativeLexicon lexicon)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.GetString("kind") != "operative" || (paragraph.GetString("number") ?? "").Contains('(', StringComparison.Ordinal)) continue;
            measures.OperativeParagraphs++;
            var verb = paragraph.GetString("verb");
            measures.Operatives.Add(new OperativeOpening(paragraph.GetString("number") ?? "", verb ?? "", paragraph.GetString("text") ?? ""));
            if (lexicon.Contains(verb)) measures.OperativeVerbsKnown++;
            else if (lexicon.ScanSpoiled(verb) is { } meant) measures.SpoiledVerbs.Add($"{paragraph.GetString("number")}: {verb} ({meant})");
            else measures.UnknownVerbs.Add($"{paragraph.GetString("number")}: {verb ?? "(none)"} | {Opening(paragraph.GetString("text"))}");
        }
    }

    private static string Opening(string? text) => text is null ? "" : text.Length <= 70 ? text : text[..70] + "…";

    /// <summary>A removed line that holds a symbol other than the document's own, or an operative verb, was text, not furniture.</summary>
    private static void MeasureFurniture(DocumentMeasures measures, List<string> removed, GraphDocument document, OperativeLexicon lexicon)
    {
        var own = document.FindNode(document.DocumentId);
        var ownSymbols = new HashSet<string>(StringComparer.Ordinal) { document.DocumentId };
        if (own?.Properties.TryGetValue("aliases", out var aliases) == true && aliases is IEnumerable<object?> list)
            foreach (var alias in list) if (alias is string a) ownSymbols.Add(a);
        foreach (var line in removed)
        {
            var symbols = SymbolScanner.Scan(line, SymbolContext.None);
            var foreign = symbols.FirstOrDefault(m => !ownSymbols.Contains(m.Symbol.Canonical) && !m.Symbol.Aliases.Any(ownSymbols.Contains) && !ownSymbols.Any(o => m.Symbol.Canonical.StartsWith(o, StringComparison.Ordinal)));
            var verb = OperativeVerbIn(line, lexicon);
            if (foreign is not null) measures.SuspectFurniture.Add($"symbol {foreign.Symbol.Canonical}: {line}");
            else if (verb is not null) measures.SuspectFurniture.Add($"verb {verb}: {line}");
        }
        foreach (var line in PageNumbersOutOfSeries(removed)) measures.SuspectFurniture.Add($"page number out of series: {line}");
    }

    /// <summary>
    /// Removed lines of a page number's shape ("2/8") that do not belong to the document's run of page numbers: every page
    /// number of a document counts its pages out of one total, the total most of them give, and no page is past it. A
    /// resolution number of a list broken one word to a line ("resolution" / "73/89" / "of") is of that shape but not of
    /// that run.
    /// </summary>
    internal static IEnumerable<string> PageNumbersOutOfSeries(List<string> removed)
    {
        var pageNumbers = new List<(string Line, int Page, int Total)>();
        foreach (var line in removed)
        {
            var slash = line.IndexOf('/');
            if (slash is < 1 or > 3 || line.Length - slash - 1 is < 1 or > 3) continue;
            if (int.TryParse(line.AsSpan(0, slash), System.Globalization.NumberStyles.None, null, out var page)
                && int.TryParse(line.AsSpan(slash + 1), System.Globalization.NumberStyles.None, null, out var total))
                pageNumbers.Add((line, page, total));
        }
        if (pageNumbers.Count == 0) return [];
        var pages = pageNumbers.GroupBy(p => p.Total).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return pageNumbers.Where(p => p.Total != pages || p.Page > p.Total).Select(p => p.Line);
    }

    /// <summary>
    /// A verb where a paragraph or clause opens with it: the line's first word ("Endorses the conclusions …") or a verb
    /// after "and", "also" or "further" ("… and in this regard reaffirms", "and also requests"); nouns that look like
    /// verbs in running titles ("Questions relating to …", "wrongful acts") are not taken.
    /// </summary>
    private static string? OperativeVerbIn(string line, OperativeLexicon lexicon)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim(',', ';', '.', ':');
            if (i == 0 ? lexicon.IsVerb(word) : words[i - 1] is "and" or "also" or "further" or "regard" && word.Length > 1 && char.IsLower(word[0]) && lexicon.IsVerb(char.ToUpperInvariant(word[0]) + word[1..]))
                return word;
        }
        return null;
    }

    private static void MeasureSymbols(DocumentMeasures measures, GraphDocument document)
    {
        var symbols = new SortedSet<string>(StringComparer.Ordinal) { document.DocumentId };
        foreach (var r in document.Relationships) if (r.Type == RelationshipTypes.Cites) symbols.Add(r.End);
        foreach (var symbol in symbols)
        {
            if (symbol.StartsWith("file:", StringComparison.Ordinal)) continue;
            if (SymbolPlausibility.Problem(symbol) is { } problem) measures.ImplausibleSymbols.Add($"{symbol} ({problem})");
        }
    }
}
