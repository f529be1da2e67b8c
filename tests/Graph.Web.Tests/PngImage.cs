using SkiaSharp;

namespace Graph.Web.Tests;

/// <summary>
/// A PNG the server wrote, decoded by SkiaSharp's PNG codec (which refuses a malformed file), with the pixel
/// counts the tests assert on.
/// </summary>
internal sealed class PngImage
{
    private readonly SKColor[] _pixels;

    private PngImage(int width, int height, SKColor[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public static PngImage Decode(byte[] file)
    {
        Assert.True(file.Length > 8 && file.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG signature");
        using var codec = SKCodec.Create(new MemoryStream(file)) ?? throw new InvalidDataException("SkiaSharp cannot read the PNG");
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        using var bitmap = SKBitmap.Decode(codec) ?? throw new InvalidDataException("the PNG's pixels cannot be decoded");
        return new PngImage(bitmap.Width, bitmap.Height, bitmap.Pixels);
    }

    /// <summary>How many pixels have exactly this colour.</summary>
    public int Count(byte r, byte g, byte b) => _pixels.Count(p => p.Red == r && p.Green == g && p.Blue == b);

    /// <summary>How many pixels are dark enough to be text or ink on the light background.</summary>
    public int CountDarkerThan(byte level) => _pixels.Count(p => p.Red < level && p.Green < level && p.Blue < level);
}
