using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Graph.Web.Tests;

/// <summary>
/// A strict reader of the PNGs the server writes (8-bit RGB, filter 0): it checks the signature, every
/// chunk's CRC and the pixel data's size, so a malformed image fails the test rather than passing unseen.
/// </summary>
internal sealed class PngImage
{
    private readonly byte[] _rows;

    private PngImage(int width, int height, byte[] rows)
    {
        Width = width;
        Height = height;
        _rows = rows;
    }

    public int Width { get; }

    public int Height { get; }

    public static PngImage Decode(byte[] file)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], file[..8]);
        int width = 0, height = 0;
        using var data = new MemoryStream();
        var offset = 8;
        var ended = false;
        while (!ended)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            var body = file.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 8 + length));
            Assert.Equal(BitwiseCrc(file.AsSpan(offset + 4, 4 + length)), crc);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    Assert.Equal(8, body[8]);
                    Assert.Equal(2, body[9]);
                    break;
                case "IDAT": data.Write(body); break;
                case "IEND": ended = true; break;
            }
            offset += 12 + length;
        }
        Assert.Equal(file.Length, offset);

        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var rows = inflated.ToArray();
        Assert.Equal(height * (1 + width * 3), rows.Length);
        for (var y = 0; y < height; y++) Assert.Equal(0, rows[y * (1 + width * 3)]);
        return new PngImage(width, height, rows);
    }

    /// <summary>How many pixels have exactly this colour.</summary>
    public int Count(byte r, byte g, byte b)
    {
        var count = 0;
        for (var y = 0; y < Height; y++)
        {
            var row = y * (1 + Width * 3) + 1;
            for (var x = 0; x < Width; x++)
            {
                var i = row + x * 3;
                if (_rows[i] == r && _rows[i + 1] == g && _rows[i + 2] == b) count++;
            }
        }
        return count;
    }

    /// <summary>CRC-32 computed bit by bit, independently of the server's table-driven one.</summary>
    private static uint BitwiseCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
