using System.Globalization;
using Graph.Model;

namespace Graph.Web.Rendering;

/// <summary>
/// Draws a citation chain as a PNG for <c>GET /api/export?format=png</c>: documents in columns by year
/// (by decade when the years are many), oldest on the left, coloured by kind as the explorer colours them,
/// stubs hollow, the starting document ringed, each citation an arrow from the citing document to the cited
/// one. A time-ordered picture is deterministic and readable, which a force layout without a browser is not.
/// </summary>
internal static class CitationPicture
{
    /// <summary>Documents drawn at most; the rest are counted in the caption.</summary>
    public const int MaxDocuments = 400;

    private const int RowsPerColumn = 50;
    private const int RowHeight = 26;
    private const int Margin = 24;
    private const int HeaderHeight = 78;
    private const int LegendHeight = 40;
    private const int MaxLabelCharacters = 24;
    private const double Radius = 6.5;

    private static readonly Rgb Background = Rgb.Parse("#fbfcfd");
    private static readonly Rgb Ink = Rgb.Parse("#1d2330");
    private static readonly Rgb Muted = Rgb.Parse("#5d6778");
    private static readonly Rgb EdgeColour = Rgb.Parse("#9aa5b4");
    private static readonly Rgb StubRing = Rgb.Parse("#7a8597");
    private static readonly Rgb White = Rgb.Parse("#ffffff");

    /// <summary>The kinds of document and their colours, as wwwroot/js/graph-style.js draws them.</summary>
    private static readonly (string Label, string Name, Rgb Colour)[] Kinds =
    [
        (Labels.Resolution, "Resolution", Rgb.Parse("#1769aa")),
        ("Decision", "Decision", Rgb.Parse("#4b9be0")),
        ("PresidentialStatement", "Presidential statement", Rgb.Parse("#c2185b")),
        ("Report", "Report", Rgb.Parse("#f0b429")),
        ("Letter", "Letter", Rgb.Parse("#d98c2b")),
        ("Draft", "Draft", Rgb.Parse("#9e9d24")),
        ("MeetingRecord", "Meeting record", Rgb.Parse("#8d6e63")),
        (Labels.Document, "Other document", Rgb.Parse("#607d8b")),
    ];

    public static byte[] Draw(GraphData chain, string startId, string caption)
    {
        var documents = chain.Nodes.Where(n => n.HasLabel(Labels.Document)).ToList();
        var shown = documents.Where(n => n.Id == startId).Concat(documents.Where(n => n.Id != startId)).Take(MaxDocuments).ToList();
        var omitted = documents.Count - shown.Count;

        var columns = Columns(shown);
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var x = Margin;
        var columnHeads = new List<(int X, string Heading)>();
        var tallest = 1;
        foreach (var (heading, members) in columns)
        {
            columnHeads.Add((x, heading));
            for (var first = 0; first < members.Count; first += RowsPerColumn)
            {
                var part = members.Skip(first).Take(RowsPerColumn).ToList();
                tallest = Math.Max(tallest, part.Count);
                var widest = part.Max(n => BitmapFont.Measure(Label(n)));
                for (var row = 0; row < part.Count; row++)
                    positions[part[row].Id] = (x + Radius + 2, HeaderHeight + row * RowHeight + RowHeight / 2.0);
                x += (int)(2 * Radius) + 10 + Math.Max(widest, BitmapFont.Measure(heading)) + 28;
            }
        }

        // Stubs are drawn hollow whatever their kind, so a kind enters the legend only when a full document shows its colour.
        var legend = Kinds.Where(k => shown.Any(n => !n.IsStub && KindOf(n) == k.Label)).ToList();
        var legendWidth = legend.Sum(k => BitmapFont.Measure(k.Name) + 40) + BitmapFont.Measure("Stub") + 40;
        var width = Math.Max(Math.Max(x + Margin, BitmapFont.Measure(caption, 2) + 2 * Margin), legendWidth + 2 * Margin);
        var height = HeaderHeight + tallest * RowHeight + LegendHeight + Margin;
        var image = new Raster(width, height, Background);

        image.Text(Margin, Margin - 6, caption, Ink, scale: 2);
        var subtitle = omitted > 0
            ? $"{shown.Count} of {documents.Count} documents shown, {omitted} more not drawn"
            : $"{documents.Count} documents";
        image.Text(Margin, Margin + 16, subtitle, Muted);
        foreach (var (headX, heading) in columnHeads) image.Text(headX, HeaderHeight - 22, heading, Muted);

        foreach (var citation in chain.Relationships.Where(r => r.Type == RelationshipTypes.Cites))
        {
            if (!positions.TryGetValue(citation.Start, out var from) || !positions.TryGetValue(citation.End, out var to) || citation.Start == citation.End)
                continue;
            var curve = Arc(from, to);
            var (endX, endY) = curve[^1];
            var (beforeX, beforeY) = curve[^2];
            image.Polyline(curve, 1.2, EdgeColour);
            image.ArrowHead(endX, endY, endX - beforeX, endY - beforeY, 7, EdgeColour);
        }

        foreach (var document in shown)
        {
            var (cx, cy) = positions[document.Id];
            var colour = ColourOf(document);
            if (document.IsStub)
            {
                image.FillDisc(cx, cy, Radius, White);
                image.Annulus(cx, cy, Radius, Radius - 2, StubRing);
            }
            else
            {
                image.FillDisc(cx, cy, Radius, colour);
            }
            if (document.Id == startId) image.Annulus(cx, cy, Radius + 4, Radius + 2, Ink);
            // Labels sit on a patch of background so that arcs passing under them leave them readable.
            var label = Label(document);
            image.FillRectangle((int)(cx + Radius + 4), (int)cy - 5, BitmapFont.Measure(label) + 4, BitmapFont.Height + 4, Background);
            image.Text((int)(cx + Radius + 6), (int)cy - 3, label, document.IsStub ? Muted : Ink);
        }

        var legendX = Margin;
        var legendY = height - Margin - 8;
        foreach (var (_, name, colour) in legend)
        {
            image.FillDisc(legendX + Radius, legendY + 3, Radius, colour);
            image.Text(legendX + 18, legendY, name, Ink);
            legendX += BitmapFont.Measure(name) + 40;
        }
        image.FillDisc(legendX + Radius, legendY + 3, Radius, White);
        image.Annulus(legendX + Radius, legendY + 3, Radius, Radius - 2, StubRing);
        image.Text(legendX + 18, legendY, "Stub", Ink);

        return PngEncoder.Encode(image);
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

    private static Rgb ColourOf(GraphNode document) => Kinds.First(k => k.Label == KindOf(document)).Colour;

    private static string Label(GraphNode document) =>
        document.Id.Length <= MaxLabelCharacters ? document.Id : document.Id[..(MaxLabelCharacters - 2)] + "..";
}
