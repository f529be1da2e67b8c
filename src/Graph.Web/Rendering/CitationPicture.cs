using System.Globalization;
using Graph.Model;
using SkiaSharp;

namespace Graph.Web.Rendering;

/// <summary>
/// Draws a citation chain as a PNG for <c>GET /api/export?format=png</c>: documents in columns by year
/// (by decade when the years are many), oldest on the left, coloured by kind as the explorer colours them,
/// stubs hollow, the starting document ringed, each citation an arrow from the citing document to the cited
/// one. A time-ordered picture is deterministic and readable, which a force layout without a browser is not.
/// Drawn with SkiaSharp (anti-aliased shapes, PNG encoding) and the first of <see cref="Fonts"/> found.
/// </summary>
internal static class CitationPicture
{
    /// <summary>Documents drawn at most; the rest are counted in the caption.</summary>
    public const int MaxDocuments = 400;

    private const int RowsPerColumn = 50;
    private const int RowHeight = 26;
    private const int Margin = 24;
    private const int HeaderHeight = 92;
    private const int LegendHeight = 40;
    private const int MaxLabelCharacters = 24;
    private const double Radius = 6.5;

    private static readonly SKColor Background = SKColor.Parse("#fbfcfd");
    private static readonly SKColor Ink = SKColor.Parse("#1d2330");
    private static readonly SKColor Muted = SKColor.Parse("#5d6778");
    private static readonly SKColor EdgeColour = SKColor.Parse("#9aa5b4");
    private static readonly SKColor StubRing = SKColor.Parse("#7a8597");
    private static readonly SKColor White = SKColor.Parse("#ffffff");

    /// <summary>The kinds of document and their colours, as wwwroot/js/graph-style.js draws them.</summary>
    private static readonly (string Label, string Name, SKColor Colour)[] Kinds =
    [
        (Labels.Resolution, "Resolution", SKColor.Parse("#1769aa")),
        ("Decision", "Decision", SKColor.Parse("#4b9be0")),
        ("PresidentialStatement", "Presidential statement", SKColor.Parse("#c2185b")),
        ("Report", "Report", SKColor.Parse("#f0b429")),
        ("Letter", "Letter", SKColor.Parse("#d98c2b")),
        ("Draft", "Draft", SKColor.Parse("#9e9d24")),
        ("MeetingRecord", "Meeting record", SKColor.Parse("#8d6e63")),
        (Labels.Document, "Other document", SKColor.Parse("#607d8b")),
    ];

    /// <summary>
    /// The picture of <paramref name="chain"/> around <paramref name="startId"/>, headed by <paramref name="caption"/>;
    /// when <paramref name="truncated"/> (the chain was cut at a node budget) it says it shows the nearest documents only.
    /// </summary>
    public static byte[] Draw(GraphData chain, string startId, string caption, bool truncated = false)
    {
        var documents = chain.Nodes.Where(n => n.HasLabel(Labels.Document)).ToList();
        var shown = documents.Where(n => n.Id == startId).Concat(documents.Where(n => n.Id != startId)).Take(MaxDocuments).ToList();
        var omitted = documents.Count - shown.Count;
        using var typeface = LoadTypeface();
        using var text = new SKFont(typeface, 12);
        using var title = new SKFont(typeface, 20);

        var columns = Columns(shown);
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var x = (float)Margin;
        var columnHeads = new List<(float X, string Heading)>();
        var tallest = 1;
        foreach (var (heading, members) in columns)
        {
            columnHeads.Add((x, heading));
            for (var first = 0; first < members.Count; first += RowsPerColumn)
            {
                var part = members.Skip(first).Take(RowsPerColumn).ToList();
                tallest = Math.Max(tallest, part.Count);
                var widest = part.Max(n => text.MeasureText(Label(n)));
                for (var row = 0; row < part.Count; row++)
                    positions[part[row].Id] = (x + Radius + 2, HeaderHeight + row * RowHeight + RowHeight / 2.0);
                x += (float)(2 * Radius) + 10 + Math.Max(widest, text.MeasureText(heading)) + 28;
            }
        }

        // Stubs are drawn hollow whatever their kind, so a kind enters the legend only when a full document shows its colour.
        var legend = Kinds.Where(k => shown.Any(n => !n.IsStub && KindOf(n) == k.Label)).ToList();
        var legendWidth = legend.Sum(k => text.MeasureText(k.Name) + 40) + text.MeasureText("Stub") + 40;
        var width = (int)Math.Ceiling(Math.Max(Math.Max(x + Margin, title.MeasureText(caption) + 2 * Margin), legendWidth + 2 * Margin));
        var height = HeaderHeight + tallest * RowHeight + LegendHeight + Margin;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"No drawing surface of {width}×{height} pixels.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };

        DrawText(canvas, caption, Margin, Margin + 10, title, Ink, fill);
        var subtitle = omitted > 0 || truncated
            ? $"the {shown.Count} nearest documents; the chain goes on beyond them"
            : $"{documents.Count} documents";
        DrawText(canvas, subtitle, Margin, Margin + 30, text, Muted, fill);
        foreach (var (headX, heading) in columnHeads) DrawText(canvas, heading, headX, HeaderHeight - 12, text, Muted, fill);

        stroke.Color = EdgeColour;
        stroke.StrokeWidth = 1.2f;
        fill.Color = EdgeColour;
        foreach (var citation in chain.Relationships.Where(r => r.Type == RelationshipTypes.Cites))
        {
            if (!positions.TryGetValue(citation.Start, out var from) || !positions.TryGetValue(citation.End, out var to) || citation.Start == citation.End)
                continue;
            var curve = Arc(from, to);
            using var path = new SKPath();
            path.MoveTo((float)curve[0].X, (float)curve[0].Y);
            foreach (var (px, py) in curve.Skip(1)) path.LineTo((float)px, (float)py);
            canvas.DrawPath(path, stroke);
            DrawArrowHead(canvas, curve[^2], curve[^1], fill);
        }

        foreach (var document in shown)
        {
            var (cx, cy) = ((float)positions[document.Id].X, (float)positions[document.Id].Y);
            if (document.IsStub) DrawStub(canvas, cx, cy, fill, stroke);
            else DrawDisc(canvas, cx, cy, ColourOf(document), fill);
            if (document.Id == startId)
            {
                stroke.Color = Ink;
                stroke.StrokeWidth = 2;
                canvas.DrawCircle(cx, cy, (float)Radius + 3, stroke);
            }
            // Labels sit on a patch of background so that arcs passing under them leave them readable.
            var label = Label(document);
            fill.Color = Background;
            canvas.DrawRect(cx + (float)Radius + 4, cy - 8, text.MeasureText(label) + 4, 16, fill);
            DrawText(canvas, label, cx + (float)Radius + 6, cy + 4, text, document.IsStub ? Muted : Ink, fill);
        }

        var legendX = (float)Margin;
        var legendY = (float)(height - Margin - 8);
        foreach (var (_, name, colour) in legend)
        {
            DrawDisc(canvas, legendX + (float)Radius, legendY, colour, fill);
            DrawText(canvas, name, legendX + 18, legendY + 4, text, Ink, fill);
            legendX += text.MeasureText(name) + 40;
        }
        DrawStub(canvas, legendX + (float)Radius, legendY, fill, stroke);
        DrawText(canvas, "Stub", legendX + 18, legendY + 4, text, Ink, fill);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Font files tried in order (Debian's DejaVu and Liberation packages); without any, Skia's default typeface.</summary>
    private static readonly string[] Fonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ];

    private static SKTypeface LoadTypeface()
    {
        foreach (var file in Fonts)
            if (File.Exists(file) && SKTypeface.FromFile(file) is { } typeface) return typeface;
        return SKTypeface.CreateDefault();
    }

    private static void DrawText(SKCanvas canvas, string value, float x, float baseline, SKFont font, SKColor colour, SKPaint fill)
    {
        fill.Color = colour;
        canvas.DrawText(value, x, baseline, SKTextAlign.Left, font, fill);
    }

    private static void DrawDisc(SKCanvas canvas, float cx, float cy, SKColor colour, SKPaint fill)
    {
        fill.Color = colour;
        canvas.DrawCircle(cx, cy, (float)Radius, fill);
    }

    /// <summary>A stub: a white disc in a grey ring.</summary>
    private static void DrawStub(SKCanvas canvas, float cx, float cy, SKPaint fill, SKPaint stroke)
    {
        DrawDisc(canvas, cx, cy, White, fill);
        stroke.Color = StubRing;
        stroke.StrokeWidth = 2;
        canvas.DrawCircle(cx, cy, (float)Radius - 1, stroke);
    }

    /// <summary>A filled arrow head at <paramref name="tip"/>, pointing away from <paramref name="before"/>.</summary>
    private static void DrawArrowHead(SKCanvas canvas, (double X, double Y) before, (double X, double Y) tip, SKPaint fill)
    {
        var dx = tip.X - before.X;
        var dy = tip.Y - before.Y;
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length == 0) return;
        (dx, dy) = (dx / length, dy / length);
        const double Size = 7;
        using var head = new SKPath();
        head.MoveTo((float)tip.X, (float)tip.Y);
        head.LineTo((float)(tip.X - Size * dx + Size / 2 * dy), (float)(tip.Y - Size * dy - Size / 2 * dx));
        head.LineTo((float)(tip.X - Size * dx - Size / 2 * dy), (float)(tip.Y - Size * dy + Size / 2 * dx));
        head.Close();
        canvas.DrawPath(head, fill);
    }

    /// <summary>
    /// The citation from <paramref name="from"/> to <paramref name="to"/> as a quadratic curve, ending at the rim
    /// of the cited disc: arcs bow up when they point right and down when they point left (the normal turns with the direction), so citations
    /// along one row do not run through the labels between them.
    /// </summary>
    private static List<(double X, double Y)> Arc((double X, double Y) from, (double X, double Y) to)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Sqrt(dx * dx + dy * dy);
        var bow = Math.Min(0.18 * length, 60);
        // The normal (dy, -dx) points up for a rightward arc.
        var controlX = (from.X + to.X) / 2 + dy / length * bow;
        var controlY = (from.Y + to.Y) / 2 - dx / length * bow;
        var samples = Math.Clamp((int)(length / 12), 4, 48);
        var points = new List<(double X, double Y)>(samples + 1);
        for (var i = 0; i <= samples; i++)
        {
            var t = (double)i / samples;
            var u = 1 - t;
            points.Add((u * u * from.X + 2 * u * t * controlX + t * t * to.X, u * u * from.Y + 2 * u * t * controlY + t * t * to.Y));
        }
        // Stop at the rim of the cited document's disc so that the arrow head is seen.
        while (points.Count > 2 && Distance(points[^2], to) < Radius + 2) points.RemoveAt(points.Count - 1);
        var (lastX, lastY) = points[^2];
        var remaining = Distance((lastX, lastY), to);
        var reach = (remaining - Radius - 1.5) / remaining;
        points[^1] = (lastX + (to.X - lastX) * reach, lastY + (to.Y - lastY) * reach);
        return points;
    }

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>Columns by year, or by decade when there are more than twenty years; undated documents last.</summary>
    private static List<(string Heading, List<GraphNode> Members)> Columns(List<GraphNode> documents)
    {
        var years = documents.Select(YearOf).Where(y => y is not null).Distinct().Count();
        var byDecade = years > 20;
        return documents
            .GroupBy(n => YearOf(n) is { } year ? (byDecade ? year / 10 * 10 : year) : long.MaxValue)
            .OrderBy(g => g.Key)
            .Select(g => (
                Heading: g.Key == long.MaxValue ? "Undated" : byDecade ? g.Key.ToString(CultureInfo.InvariantCulture) + "s" : g.Key.ToString(CultureInfo.InvariantCulture),
                Members: g.OrderBy(n => Array.FindIndex(Kinds, k => k.Label == KindOf(n))).ThenBy(n => n.Id, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private static long? YearOf(GraphNode document)
    {
        if (document.Properties.TryGetValue("year", out var year) && year is long y) return y;
        return document.GetString("adoptionDate") is { Length: >= 4 } date
            && long.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var fromDate) ? fromDate : null;
    }

    private static string KindOf(GraphNode document) =>
        Kinds.FirstOrDefault(k => k.Label != Labels.Document && document.HasLabel(k.Label)).Label ?? Labels.Document;

    private static SKColor ColourOf(GraphNode document) => Kinds.First(k => k.Label == KindOf(document)).Colour;

    private static string Label(GraphNode document) =>
        document.Id.Length <= MaxLabelCharacters ? document.Id : document.Id[..(MaxLabelCharacters - 2)] + "..";
}
