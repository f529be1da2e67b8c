using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Graph.Extraction.Readers;

/// <summary>
/// Lays out one PDF page as text the way the layout rules expect it (as pdftotext does): text blocks in reading order,
/// a blank line between blocks, a line break between the lines of a block. PdfPig does the hard parts: words from
/// letter distances (<see cref="NearestNeighbourWordExtractor"/>), blocks (<see cref="DocstrumBoundingBoxes"/>) and their
/// reading order (<see cref="UnsupervisedReadingOrderDetector"/>). What it does not know about UN documents is added here:
/// footnote marks, which are small raised digits, are taken out before the page is segmented (a mark set above a line
/// otherwise becomes a line of its own and cuts the paragraph) and written back as superscript digits, glued to the word
/// they follow ("people.¹") or opening the footnote they number ("¹ World Economic Situation …"); and the running header
/// and footer are dropped by where they sit on the page.
/// </summary>
internal static partial class PdfPageLayout
{
    /// <summary>A mark is printed at most this fraction of its neighbour's size (UN documents: 6.5 pt on 10 pt, 5.5 on 8.5).</summary>
    private const double MarkSizeRatio = 0.8;

    /// <summary>
    /// Running headers sit above this fraction of the page height and footers (job number, page "2/14", bar code) below
    /// the other; the body and its footnotes never reach either (Editorial Manual page layout, letter and A4).
    /// </summary>
    private const double HeaderBand = 0.915, FooterBand = 0.07;

    /// <summary>A furniture line is short: the symbol, "Page 2", "2/14", "25-06905 (E) 220525"; a line of body text in the bands is kept.</summary>
    private const int FurnitureMaxLength = 40;

    private static readonly NearestNeighbourWordExtractor WordExtractor = new(new NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions { MaxDegreeOfParallelism = 1 });

    private static readonly DocstrumBoundingBoxes Segmenter = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>
    /// Blocks ordered by their positions alone, row by row: the rendering order (on by default) follows how the page was
    /// typeset, which puts the running header and footer, and an item's label apart from its text, out of place.
    /// </summary>
    private static readonly UnsupervisedReadingOrderDetector Order = new(5, UnsupervisedReadingOrderDetector.SpatialReasoningRules.RowWise, useRenderingOrder: false);

    public static void Write(Page page, StringBuilder text)
    {
        var words = WordExtractor.GetWords(WithoutOverprint(page.Letters).Select(WithPlausibleBox).ToList()).Where(w => !string.IsNullOrWhiteSpace(w.Text)).SelectMany(FootnoteMarks.SplitGlued).ToList();
        if (words.Count == 0) return;
        var marks = FootnoteMarks.Find(words);
        var body = words.Where(w => !marks.IsMark(w)).ToList();
        if (body.Count == 0) return;
        var blocks = Order.Get(Segmenter.GetBlocks(body).ToList()).ToList();
        var labels = MarginLabels(blocks);
        var first = true;
        foreach (var block in blocks)
        {
            if (labels.IsLabel(block)) continue;
            var lines = block.TextLines.Where(line => !IsFurniture(line, page)).ToList();
            if (lines.Count == 0) continue;
            if (!first) text.Append('\n');
            first = false;
            foreach (var row in Rows(lines))
            {
                var start = text.Length;
                foreach (var word in row)
                {
                    if (text.Length > start) text.Append(' ');
                    if (labels.Before(word) is { } label) text.Append(label).Append(' ');
                    if (marks.OpeningOf(word) is { } opening) text.Append(opening).Append(' ');
                    text.Append(word.Text);
                    if (marks.FollowingOf(word) is { } following) text.Append(following);
                }
                text.Append('\n');
            }
        }
    }

    /// <summary>
    /// Paragraph numbers set in the margin ("2.", "(a)", "IV.") that the segmenter made blocks of their own, each with the
    /// first word of the line it numbers (the nearest word to its right on its baseline), so the number is written there
    /// and not wherever the reading order puts a lone block.
    /// </summary>
    private static LabelPlacement MarginLabels(IReadOnlyList<TextBlock> blocks)
    {
        var placement = new LabelPlacement();
        foreach (var block in blocks)
        {
            if (block.TextLines.Count != 1 || !LabelPattern().IsMatch(block.TextLines[0].Text)) continue;
            var label = block.TextLines[0];
            var baseline = Baseline(label);
            var size = label.Words.Max(w => w.Letters.Max(l => l.PointSize));
            var right = label.Words[^1].Letters[^1].EndBaseLine.X;
            var target = blocks.Where(b => !ReferenceEquals(b, block)).SelectMany(b => b.TextLines)
                .Where(l => Math.Abs(Baseline(l) - baseline) < size * 0.5 && l.Words[0].Letters[0].StartBaseLine.X > right)
                .Select(l => l.Words.MinBy(w => w.Letters[0].StartBaseLine.X)!)
                .MinBy(w => w.Letters[0].StartBaseLine.X);
            if (target is not null && target.Letters[0].StartBaseLine.X - right < size * 6) placement.Add(block, target, label.Text);
        }
        return placement;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\(?[0-9]{1,3}[.)]|\([a-z]{1,4}\)|[a-z]\)|[IVXL]{1,6}\.|[A-Z]\.)$")]
    private static partial System.Text.RegularExpressions.Regex LabelPattern();

    private sealed class LabelPlacement
    {
        private readonly HashSet<TextBlock> _labels = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Word, string> _before = new(ReferenceEqualityComparer.Instance);

        public void Add(TextBlock label, Word before, string text)
        {
            _labels.Add(label);
            _before[before] = _before.TryGetValue(before, out var earlier) ? earlier + " " + text : text;
        }

        public bool IsLabel(TextBlock block) => _labels.Contains(block);

        public string? Before(Word word) => _before.GetValueOrDefault(word);
    }

    /// <summary>
    /// The block's lines as printed rows, top to bottom: lines the segmenter left apart on one baseline (a paragraph number
    /// set in the margin, "1.", beside the paragraph's first words) are one row, read left to right.
    /// </summary>
    private static List<List<Word>> Rows(List<TextLine> lines)
    {
        var rows = new List<(double Baseline, double Size, List<Word> Words)>();
        foreach (var line in lines.OrderByDescending(Baseline))
        {
            var baseline = Baseline(line);
            if (rows.Count > 0 && rows[^1].Baseline - baseline < rows[^1].Size * 0.5) rows[^1].Words.AddRange(line.Words);
            else rows.Add((baseline, line.Words.Max(w => w.Letters.Max(l => l.PointSize)), [.. line.Words]));
        }
        return [.. rows.Select(r => r.Words.OrderBy(w => w.Letters[0].StartBaseLine.X).ToList())];
    }

    private static double Baseline(TextLine line) => line.Words[0].Letters[0].StartBaseLine.Y;

    /// <summary>
    /// Older masthead lettering is made bold by printing each letter twice, half a point apart ("UNITED UNITED"): a letter
    /// drawn again on the same baseline within a tenth of its size of the same letter is dropped.
    /// </summary>
    private static List<Letter> WithoutOverprint(IReadOnlyList<Letter> letters)
    {
        var drawn = new Dictionary<(string, long), List<double>>();
        var kept = new List<Letter>(letters.Count);
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value)) { kept.Add(letter); continue; }
            var at = letter.StartBaseLine;
            var key = (letter.Value, (long)Math.Round(at.Y * 2));
            if (!drawn.TryGetValue(key, out var xs)) drawn[key] = xs = [];
            if (xs.Exists(x => Math.Abs(x - at.X) < letter.PointSize * 0.1)) continue;
            xs.Add(at.X);
            kept.Add(letter);
        }
        return kept;
    }

    /// <summary>
    /// Some fonts (GA resolutions typeset in 2024 among them) state glyph boxes two or three times wider than the glyph
    /// advances, so each word's box covers the next words and the segmenter splits one printed line into several. Such a
    /// letter is given the box its baseline advance spans, which is where the glyph is drawn.
    /// </summary>
    private static Letter WithPlausibleBox(Letter letter)
    {
        if (letter.TextOrientation != TextOrientation.Horizontal) return letter;
        var box = letter.BoundingBox;
        var left = letter.StartBaseLine.X;
        var right = Math.Max(letter.EndBaseLine.X, left);
        if (box.Width <= right - left + letter.PointSize * 0.3) return letter;
        var plausible = new UglyToad.PdfPig.Core.PdfRectangle(left, box.Bottom, right, box.Top);
        return new Letter(letter.Value, plausible, letter.GlyphRectangleLoose, letter.StartBaseLine, letter.EndBaseLine, letter.Width, letter.FontSize,
            letter.FontDetails, letter.RenderingMode, letter.StrokeColor, letter.FillColor, letter.PointSize, letter.TextSequence);
    }

    /// <summary>A short line wholly inside the header band (from the second page on: the first holds the masthead) or the footer band.</summary>
    private static bool IsFurniture(TextLine line, Page page)
    {
        var box = line.BoundingBox;
        var inHeader = page.Number > 1 && box.Bottom >= page.Height * HeaderBand;
        var inFooter = box.Top <= page.Height * FooterBand;
        return (inHeader || inFooter) && line.Text.Length <= FurnitureMaxLength;
    }

    /// <summary>
    /// The footnote marks of a page: words of one to three digits printed smaller than a word beside them and raised above
    /// its baseline. A mark right after a word refers to a footnote; a mark right before a word, with none before it, opens
    /// the footnote it numbers. Geometry is read from the letters' baselines: a glyph's box can be far wider than the digit.
    /// </summary>
    private sealed class FootnoteMarks
    {
        private readonly HashSet<Word> _marks = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Word, string> _following = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Word, string> _opening = new(ReferenceEqualityComparer.Instance);

        public bool IsMark(Word word) => _marks.Contains(word);

        public string? FollowingOf(Word word) => _following.GetValueOrDefault(word);

        public string? OpeningOf(Word word) => _opening.GetValueOrDefault(word);

        /// <summary>
        /// A mark printed close enough to its word to be read as one ("people.1", "1World"): the word and the mark, apart.
        /// </summary>
        public static IEnumerable<Word> SplitGlued(Word word)
        {
            var letters = word.Letters;
            if (letters.Count < 2) return [word];
            var size = letters.Max(l => l.PointSize);
            var trailing = 0;
            while (trailing < Math.Min(3, letters.Count - 1) && IsSmallRaisedDigit(letters[letters.Count - 1 - trailing], letters[0], size)) trailing++;
            if (trailing > 0)
                return [new Word([.. letters.Take(letters.Count - trailing)]), new Word([.. letters.Skip(letters.Count - trailing)])];
            var leading = 0;
            while (leading < Math.Min(3, letters.Count - 1) && IsSmallRaisedDigit(letters[leading], letters[^1], size)) leading++;
            if (leading > 0)
                return [new Word([.. letters.Take(leading)]), new Word([.. letters.Skip(leading)])];
            return [word];
        }

        private static bool IsSmallRaisedDigit(Letter letter, Letter reference, double size) =>
            letter.Value.Length == 1 && char.IsAsciiDigit(letter.Value[0]) && letter.PointSize <= size * MarkSizeRatio
            && IsRaised(letter.StartBaseLine.Y, reference.StartBaseLine.Y, reference.PointSize);

        /// <summary>A superscript's baseline sits between a sixth of the font size and the full size above the text's.</summary>
        private static bool IsRaised(double markBaseline, double textBaseline, double textSize) =>
            markBaseline - textBaseline > textSize * 0.15 && markBaseline - textBaseline < textSize * 0.8;

        public static FootnoteMarks Find(List<Word> words)
        {
            var found = new FootnoteMarks();
            // Marks are few, so each candidate is compared with the page's words: linear in the words for each mark.
            foreach (var mark in words.Where(IsCandidate))
            {
                var size = SizeOf(mark);
                var (left, right, baseline) = (Left(mark), Right(mark), Baseline(mark));
                Word? before = null, after = null;
                foreach (var word in words)
                {
                    var wordSize = SizeOf(word);
                    if (ReferenceEquals(word, mark) || wordSize * MarkSizeRatio < size || !IsRaised(baseline, Baseline(word), wordSize)) continue;
                    var gapBefore = left - Right(word);
                    if (gapBefore > -1 && gapBefore < wordSize * 0.5 && (before is null || Right(word) > Right(before))) before = word;
                    var gapAfter = Left(word) - right;
                    if (gapAfter > -1 && gapAfter < wordSize * 1.5 && (after is null || Left(word) < Left(after))) after = word;
                }
                var superscript = Superscript.From(mark.Text);
                if (before is not null)
                    found._following[before] = found._following.GetValueOrDefault(before) + superscript;
                else if (after is not null)
                    found._opening[after] = superscript;
                else
                    continue;
                found._marks.Add(mark);
            }
            return found;
        }

        private static bool IsCandidate(Word word) => word.Text.Length is >= 1 and <= 3 && word.Text.All(char.IsAsciiDigit) && word.Text[0] != '0';

        private static double Left(Word word) => word.Letters[0].StartBaseLine.X;

        private static double Right(Word word) => word.Letters[^1].EndBaseLine.X;

        private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

        private static double SizeOf(Word word) => word.Letters.Max(l => l.PointSize);
    }
}
