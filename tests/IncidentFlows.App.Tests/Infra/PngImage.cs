using System.Buffers.Binary;
using System.IO.Compression;

namespace IncidentFlows.App.Tests.Infra;

/// <summary>Just enough PNG reading to check an icon: size, colour type, and RGBA pixels of unfiltered 8-bit images.</summary>
internal sealed record PngImage(int Width, int Height, byte ColorType, byte[][] Rows)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG.");
        }

        int width = 0, height = 0;
        byte colorType = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var kind = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (kind == "IHDR")
            {
                (width, height, colorType) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[9]);
            }
            else if (kind == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = (width * 4) + 1;
        var rows = Enumerable.Range(0, height).Select(y => raw.AsSpan(y * stride, stride).ToArray()).ToArray();
        return new PngImage(width, height, colorType, rows);
    }

    /// <summary>Every pixel as RGBA; only for RGBA images whose rows use filter 0 (as make-icons.py writes them).</summary>
    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        foreach (var row in Rows)
        {
            if (row[0] != 0)
            {
                throw new InvalidDataException("Only unfiltered rows are read here.");
            }

            for (var x = 1; x < row.Length; x += 4)
            {
                yield return (row[x], row[x + 1], row[x + 2], row[x + 3]);
            }
        }
    }
}
