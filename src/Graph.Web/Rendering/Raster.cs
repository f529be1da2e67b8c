namespace Graph.Web.Rendering;

/// <summary>An RGB colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>A colour written as CSS writes it, <c>#1769aa</c>.</summary>
    public static Rgb Parse(string hex) => new(
        Convert.ToByte(hex.Substring(1, 2), 16), Convert.ToByte(hex.Substring(3, 2), 16), Convert.ToByte(hex.Substring(5, 2), 16));
}

/// <summary>
/// An RGB pixel buffer with the few anti-aliased primitives a graph picture needs: lines, discs, rings,
/// triangles and bitmap text. Coverage is computed per pixel and blended, so edges look smooth without a
/// graphics library.
/// </summary>
internal sealed class Raster
{
    public Raster(int width, int height, Rgb background)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        for (var i = 0; i < Pixels.Length; i += 3)
        {
            Pixels[i] = background.R;
            Pixels[i + 1] = background.G;
            Pixels[i + 2] = background.B;
        }
    }

    public int Width { get; }

    /// <summary>Scratch coverage of the polyline being drawn (allocated on first use, zero between calls).</summary>
    private float[]? _coverage;

    public int Height { get; }

    /// <summary>Rows top to bottom, three bytes (R, G, B) per pixel.</summary>
    public byte[] Pixels { get; }

    public Rgb this[int x, int y]
    {
        get
        {
            var i = (y * Width + x) * 3;
            return new Rgb(Pixels[i], Pixels[i + 1], Pixels[i + 2]);
        }
    }

    /// <summary>Mixes <paramref name="colour"/> into one pixel by <paramref name="coverage"/> (0 to 1); outside the image is ignored.</summary>
    public void Blend(int x, int y, Rgb colour, double coverage)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height || coverage <= 0) return;
        if (coverage > 1) coverage = 1;
        var i = (y * Width + x) * 3;
        Pixels[i] = Mix(Pixels[i], colour.R, coverage);
        Pixels[i + 1] = Mix(Pixels[i + 1], colour.G, coverage);
        Pixels[i + 2] = Mix(Pixels[i + 2], colour.B, coverage);
    }

    public void FillRectangle(int x, int y, int width, int height, Rgb colour)
    {
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + height); row++)
        for (var column = Math.Max(0, x); column < Math.Min(Width, x + width); column++)
            Blend(column, row, colour, 1);
    }

    /// <summary>A filled disc; the rim is anti-aliased by the distance of each pixel centre from the circle.</summary>
    public void FillDisc(double cx, double cy, double radius, Rgb colour) => Annulus(cx, cy, radius, 0, colour);

    /// <summary>A ring between <paramref name="inner"/> and <paramref name="outer"/> radii.</summary>
    public void Annulus(double cx, double cy, double outer, double inner, Rgb colour)
    {
        for (var y = (int)Math.Floor(cy - outer - 1); y <= (int)Math.Ceiling(cy + outer + 1); y++)
        for (var x = (int)Math.Floor(cx - outer - 1); x <= (int)Math.Ceiling(cx + outer + 1); x++)
        {
            var d = Math.Sqrt((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy));
            var coverage = Math.Clamp(outer + 0.5 - d, 0, 1);
            if (inner > 0) coverage = Math.Min(coverage, Math.Clamp(d - inner + 0.5, 0, 1));
            Blend(x, y, colour, coverage);
        }
    }

    /// <summary>A line <paramref name="width"/> pixels wide; each pixel is covered by its distance from the segment.</summary>
    public void Line(double x0, double y0, double x1, double y1, double width, Rgb colour)
    {
        var half = width / 2;
        var dx = x1 - x0;
        var dy = y1 - y0;
        var lengthSquared = dx * dx + dy * dy;
        for (var y = (int)Math.Floor(Math.Min(y0, y1) - half - 1); y <= (int)Math.Ceiling(Math.Max(y0, y1) + half + 1); y++)
        for (var x = (int)Math.Floor(Math.Min(x0, x1) - half - 1); x <= (int)Math.Ceiling(Math.Max(x0, x1) + half + 1); x++)
        {
            double px = x + 0.5, py = y + 0.5;
            var t = lengthSquared == 0 ? 0 : Math.Clamp(((px - x0) * dx + (py - y0) * dy) / lengthSquared, 0, 1);
            var ex = px - (x0 + t * dx);
            var ey = py - (y0 + t * dy);
            Blend(x, y, colour, Math.Clamp(half + 0.5 - Math.Sqrt(ex * ex + ey * ey), 0, 1));
        }
    }

    /// <summary>
    /// A polyline <paramref name="width"/> pixels wide, blended once: each pixel takes the coverage of the
    /// segment nearest to it, so joints are not drawn twice and do not show as darker dots.
    /// </summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, double width, Rgb colour)
    {
        _coverage ??= new float[Width * Height];
        var touched = new List<int>();
        var half = width / 2;
        for (var s = 0; s + 1 < points.Count; s++)
        {
            var (x0, y0) = points[s];
            var (x1, y1) = points[s + 1];
            double dx = x1 - x0, dy = y1 - y0, lengthSquared = dx * dx + dy * dy;
            for (var y = Math.Max(0, (int)Math.Floor(Math.Min(y0, y1) - half - 1)); y <= Math.Min(Height - 1, (int)Math.Ceiling(Math.Max(y0, y1) + half + 1)); y++)
            for (var x = Math.Max(0, (int)Math.Floor(Math.Min(x0, x1) - half - 1)); x <= Math.Min(Width - 1, (int)Math.Ceiling(Math.Max(x0, x1) + half + 1)); x++)
            {
                double px = x + 0.5, py = y + 0.5;
                var t = lengthSquared == 0 ? 0 : Math.Clamp(((px - x0) * dx + (py - y0) * dy) / lengthSquared, 0, 1);
                double ex = px - (x0 + t * dx), ey = py - (y0 + t * dy);
                var coverage = (float)Math.Clamp(half + 0.5 - Math.Sqrt(ex * ex + ey * ey), 0, 1);
                var i = y * Width + x;
                if (coverage <= _coverage[i]) continue;
                if (_coverage[i] == 0) touched.Add(i);
                _coverage[i] = coverage;
            }
        }
        foreach (var i in touched)
        {
            Blend(i % Width, i / Width, colour, _coverage[i]);
            _coverage[i] = 0;
        }
    }

    /// <summary>An arrow head with its tip at (<paramref name="tipX"/>, <paramref name="tipY"/>), pointing along (dx, dy).</summary>
    public void ArrowHead(double tipX, double tipY, double dx, double dy, double size, Rgb colour)
    {
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length == 0) return;
        dx /= length;
        dy /= length;
        double bx = tipX - dx * size, by = tipY - dy * size;
        double lx = bx - dy * size * 0.5, ly = by + dx * size * 0.5;
        double rx = bx + dy * size * 0.5, ry = by - dx * size * 0.5;
        for (var y = (int)Math.Floor(Math.Min(tipY, Math.Min(ly, ry))); y <= (int)Math.Ceiling(Math.Max(tipY, Math.Max(ly, ry))); y++)
        for (var x = (int)Math.Floor(Math.Min(tipX, Math.Min(lx, rx))); x <= (int)Math.Ceiling(Math.Max(tipX, Math.Max(lx, rx))); x++)
        {
            if (Inside(x + 0.5, y + 0.5, tipX, tipY, lx, ly, rx, ry)) Blend(x, y, colour, 1);
        }
    }

    /// <summary>Text in the 5×7 bitmap font, <paramref name="scale"/> pixels per font pixel, from its top-left corner.</summary>
    public void Text(int x, int y, string text, Rgb colour, int scale = 1)
    {
        foreach (var character in text)
        {
            var glyph = BitmapFont.Glyph(character);
            for (var row = 0; row < BitmapFont.Height; row++)
            for (var column = 0; column < BitmapFont.Width; column++)
            {
                if (!glyph[row][column]) continue;
                FillRectangle(x + column * scale, y + row * scale, scale, scale, colour);
            }
            x += BitmapFont.Advance * scale;
        }
    }

    private static bool Inside(double px, double py, double ax, double ay, double bx, double by, double cx, double cy)
    {
        var d1 = (px - bx) * (ay - by) - (ax - bx) * (py - by);
        var d2 = (px - cx) * (by - cy) - (bx - cx) * (py - cy);
        var d3 = (px - ax) * (cy - ay) - (cx - ax) * (py - ay);
        var negative = d1 < 0 || d2 < 0 || d3 < 0;
        var positive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(negative && positive);
    }

    private static byte Mix(byte under, byte over, double coverage) => (byte)Math.Round(under + (over - under) * coverage);
}
