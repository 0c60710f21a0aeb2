using System.Buffers.Binary;

namespace OneStop.Api.Documents;

/// <summary>
/// Shrinks a TrueType font to the glyphs documents use, keeping glyph numbering: the outlines of every other
/// glyph are emptied, the hinting instructions (half of Liberation's glyph data; PDF viewers and printers
/// rasterise at their own resolution), the glyph names (post format 2) and the layout tables SkiaSharp's PDF
/// writer never reads (GSUB, GPOS, GDEF, kern) are dropped.
/// </summary>
/// <remarks>
/// Why: the SkiaSharp native build has no font subsetter (Skia's is HarfBuzz-based and not compiled in), so
/// every PDF embeds each face it uses whole: about 400 KB per face of Liberation Serif, 850 KB per receipt,
/// and most of the rendering time is spent compressing those font files. Glyph ids stay the same, so cmap,
/// hmtx and the hinting tables are kept as they are and stay valid. CFF fonts and collections are not handled:
/// <see cref="Create"/> answers null and the caller keeps the whole font.
/// </remarks>
internal static class TrueTypeSubset
{
    private const ushort ArgsAreWords = 0x0001;
    private const ushort HaveScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HaveXyScale = 0x0040;
    private const ushort HaveTwoByTwo = 0x0080;
    private const ushort HaveInstructions = 0x0100;

    private static readonly HashSet<string> DroppedTables = new(StringComparer.Ordinal) { "GSUB", "GPOS", "GDEF", "kern", "DSIG", "FFTM", "LTSH", "VDMX", "hdmx", "JSTF", "MATH", "fpgm", "prep", "cvt " };

    /// <summary>A copy of <paramref name="font"/> keeping the outlines of <paramref name="glyphs"/> (and their components) and glyph 0; null when the font is not a plain TrueType file.</summary>
    public static byte[]? Create(byte[] font, IEnumerable<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(glyphs);
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000 or 0x74727565))
        {
            return null;
        }

        var tables = ReadTables(font);
        if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca)
            || !tables.TryGetValue("head", out var head) || !tables.TryGetValue("maxp", out var maxp))
        {
            return null;
        }

        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(4));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var offsets = new int[glyphCount + 1];
        for (var g = 0; g <= glyphCount; g++)
        {
            offsets[g] = longOffsets
                ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(g * 4))
                : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(g * 2)) * 2;
        }

        var keep = new bool[glyphCount];
        var pending = new Stack<int>(glyphs.Where(g => g < glyphCount).Select(g => (int)g).Append(0));
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (keep[g])
            {
                continue;
            }

            keep[g] = true;
            foreach (var component in Components(glyf.AsSpan(offsets[g], offsets[g + 1] - offsets[g])))
            {
                if (component < glyphCount && !keep[component])
                {
                    pending.Push(component);
                }
            }
        }

        // New glyf: kept outlines, each padded to 4 bytes; loca in the long format.
        using var newGlyf = new MemoryStream();
        var newLoca = new byte[(glyphCount + 1) * 4];
        for (var g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            if (keep[g] && offsets[g + 1] > offsets[g])
            {
                newGlyf.Write(WithoutInstructions(glyf.AsSpan(offsets[g], offsets[g + 1] - offsets[g])));
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)newGlyf.Length);
        tables["glyf"] = newGlyf.ToArray();
        tables["loca"] = newLoca;
        head = (byte[])head.Clone();
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        tables["head"] = head;
        if (tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // Format 3: no glyph names; the PDF maps glyphs to text through cmap (ToUnicode).
            var names = post.AsSpan(0, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(names, 0x00030000);
            tables["post"] = names;
        }

        foreach (var dropped in DroppedTables)
        {
            tables.Remove(dropped);
        }

        return Write(tables);
    }

    /// <summary>A glyph outline without its hinting instructions.</summary>
    private static byte[] WithoutInstructions(ReadOnlySpan<byte> glyph)
    {
        if (glyph.Length < 10)
        {
            return glyph.ToArray();
        }

        var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
        if (contours >= 0)
        {
            var lengthAt = 10 + (2 * contours);
            var instructions = BinaryPrimitives.ReadUInt16BigEndian(glyph[lengthAt..]);
            var result = new byte[glyph.Length - instructions];
            glyph[..lengthAt].CopyTo(result);
            glyph[(lengthAt + 2 + instructions)..].CopyTo(result.AsSpan(lengthAt + 2));
            return result;
        }

        var copy = glyph.ToArray();
        var at = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(at));
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at), (ushort)(flags & ~HaveInstructions));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HaveScale) != 0 ? 2 : (flags & HaveXyScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0 && at + 4 <= copy.Length);

        return copy.AsSpan(0, Math.Min(at, copy.Length)).ToArray();
    }

    /// <summary>The glyph ids a composite glyph is built from; none for a simple or empty glyph.</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return components;
        }

        var at = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HaveScale) != 0 ? 2 : (flags & HaveXyScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0 && at + 4 <= glyph.Length);

        return components;
    }

    private static Dictionary<string, byte[]> ReadTables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var entry = font.AsSpan(12 + (i * 16), 16);
            var tag = System.Text.Encoding.ASCII.GetString(entry[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            tables[tag] = font.AsSpan(offset, length).ToArray();
        }

        return tables;
    }

    /// <summary>An sfnt file: the directory sorted by tag, tables 4-byte aligned, checksums and head's checkSumAdjustment set.</summary>
    private static byte[] Write(Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var headerLength = 12 + (16 * tags.Count);
        var total = headerLength + tags.Sum(t => Padded(tables[t].Length));
        var file = new byte[total];
        var entrySelector = (ushort)Math.Floor(Math.Log2(tags.Count));
        var searchRange = (ushort)((1 << entrySelector) * 16);
        BinaryPrimitives.WriteUInt32BigEndian(file, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), (ushort)tags.Count);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(8), entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)((tags.Count * 16) - searchRange));

        var offset = headerLength;
        var headOffset = -1;
        for (var i = 0; i < tags.Count; i++)
        {
            var data = tables[tags[i]];
            if (tags[i] == "head")
            {
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 0);
                headOffset = offset;
            }

            var entry = file.AsSpan(12 + (i * 16), 16);
            System.Text.Encoding.ASCII.GetBytes(tags[i], entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            data.CopyTo(file, offset);
            offset += Padded(data.Length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(file)));
        }

        return file;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }
}
