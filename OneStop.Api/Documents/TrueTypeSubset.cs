using System.Buffers.Binary;

namespace OneStop.Api.Documents;

/// <summary>
/// Shrinks a TrueType font to the glyphs documents use: the kept glyphs (and the components they are built from)
/// are renumbered in their original order from glyph 0, so glyf, loca and hmtx hold only them; cmap is rebuilt
/// (one Windows Unicode BMP subtable) for the kept characters. Dropped: the hinting instructions (half of
/// Liberation's glyph data; PDF viewers and printers rasterise at their own resolution), the glyph names (post
/// format 3), the name records past the PostScript name (license text, URLs; the copyright notice stays) and the
/// tables SkiaSharp's PDF writer never reads (GSUB, GPOS, GDEF, kern, per-glyph device metrics).
/// </summary>
/// <remarks>
/// Why: the SkiaSharp native build has no font subsetter (Skia's is HarfBuzz-based and not compiled in), so
/// every PDF embeds each face it uses as it is loaded, and most of the rendering time goes to compressing those
/// font files: the whole Liberation Serif faces made 850 KB a receipt. CFF fonts, collections and fonts whose
/// tables do not parse are not handled: <see cref="Create"/> answers null and the caller keeps the whole font.
/// </remarks>
internal static class TrueTypeSubset
{
    private const ushort ArgsAreWords = 0x0001;
    private const ushort HaveScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HaveXyScale = 0x0040;
    private const ushort HaveTwoByTwo = 0x0080;
    private const ushort HaveInstructions = 0x0100;

    /// <summary>Name ids kept: copyright, family, subfamily, unique id, full name, version, PostScript name.</summary>
    private const ushort LastKeptNameId = 6;

    private static readonly HashSet<string> DroppedTables = new(StringComparer.Ordinal) { "GSUB", "GPOS", "GDEF", "kern", "DSIG", "FFTM", "LTSH", "VDMX", "hdmx", "JSTF", "MATH", "fpgm", "prep", "cvt " };

    /// <summary>
    /// A copy of <paramref name="font"/> with the glyphs of <paramref name="characters"/> (<paramref name="glyphs"/>[i]
    /// is the glyph of <paramref name="characters"/>[i] in <paramref name="font"/>, 0 when it has none), their
    /// components and glyph 0; null when the font is not a plain TrueType file.
    /// </summary>
    public static byte[]? Create(byte[] font, string characters, IReadOnlyList<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(characters);
        ArgumentNullException.ThrowIfNull(glyphs);
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000 or 0x74727565))
        {
            return null;
        }

        var tables = ReadTables(font);
        if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca)
            || !tables.TryGetValue("head", out var head) || !tables.TryGetValue("maxp", out var maxp)
            || !tables.TryGetValue("hhea", out var hhea) || !tables.TryGetValue("hmtx", out var hmtx)
            || head.Length < 54 || maxp.Length < 6 || hhea.Length < 36)
        {
            return null;
        }

        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(4));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var metricCount = BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34));
        if (loca.Length < (glyphCount + 1) * (longOffsets ? 4 : 2) || metricCount == 0 || metricCount > glyphCount
            || hmtx.Length < (metricCount * 4) + ((glyphCount - metricCount) * 2))
        {
            return null;
        }

        var offsets = new int[glyphCount + 1];
        for (var g = 0; g <= glyphCount; g++)
        {
            offsets[g] = longOffsets
                ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(g * 4))
                : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(g * 2)) * 2;
        }

        var keep = new bool[glyphCount];
        var pending = new Stack<int>();
        pending.Push(0);
        foreach (var glyph in glyphs)
        {
            if (glyph < glyphCount)
            {
                pending.Push(glyph);
            }
        }

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

        // New ids follow the old order, so glyph 0 (.notdef) stays 0.
        var newIds = new int[glyphCount];
        var kept = new List<int>();
        for (var g = 0; g < glyphCount; g++)
        {
            newIds[g] = keep[g] ? kept.Count : -1;
            if (keep[g])
            {
                kept.Add(g);
            }
        }

        // glyf: kept outlines without instructions, components renumbered, each padded to 4 bytes.
        using var newGlyf = new MemoryStream();
        var newOffsets = new int[kept.Count + 1];
        var newHmtx = new byte[kept.Count * 4];
        for (var i = 0; i < kept.Count; i++)
        {
            var g = kept[i];
            newOffsets[i] = (int)newGlyf.Length;
            if (offsets[g + 1] > offsets[g])
            {
                var outline = WithoutInstructions(glyf.AsSpan(offsets[g], offsets[g + 1] - offsets[g]));
                Renumber(outline, newIds);
                newGlyf.Write(outline);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }

            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(Math.Min(g, metricCount - 1) * 4));
            var sideBearing = g < metricCount
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan((g * 4) + 2))
                : BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan((metricCount * 4) + ((g - metricCount) * 2)));
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(i * 4), advance);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan((i * 4) + 2), sideBearing);
        }

        newOffsets[kept.Count] = (int)newGlyf.Length;
        var shortLoca = newGlyf.Length / 2 <= ushort.MaxValue;
        var newLoca = new byte[(kept.Count + 1) * (shortLoca ? 2 : 4)];
        for (var i = 0; i <= kept.Count; i++)
        {
            if (shortLoca)
            {
                BinaryPrimitives.WriteUInt16BigEndian(newLoca.AsSpan(i * 2), (ushort)(newOffsets[i] / 2));
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(i * 4), (uint)newOffsets[i]);
            }
        }

        tables["glyf"] = newGlyf.ToArray();
        tables["loca"] = newLoca;
        tables["hmtx"] = newHmtx;
        tables["head"] = WithUInt16(head, 50, shortLoca ? (ushort)0 : (ushort)1);
        tables["maxp"] = WithUInt16(maxp, 4, (ushort)kept.Count);
        tables["hhea"] = WithUInt16(hhea, 34, (ushort)kept.Count);
        tables["cmap"] = CharacterMap(characters, glyphs, newIds);
        if (tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // Format 3: no glyph names; the PDF maps glyphs to text through cmap (ToUnicode).
            var names = post.AsSpan(0, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(names, 0x00030000);
            tables["post"] = names;
        }

        if (tables.TryGetValue("name", out var name) && FirstNames(name) is { } shortName)
        {
            tables["name"] = shortName;
        }

        foreach (var dropped in DroppedTables)
        {
            tables.Remove(dropped);
        }

        return Write(tables);
    }

    private static byte[] WithUInt16(byte[] table, int at, ushort value)
    {
        var copy = (byte[])table.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at), value);
        return copy;
    }

    /// <summary>
    /// A cmap with one format 4 subtable (Windows, Unicode BMP): each run of consecutive characters is a segment,
    /// by delta when its new glyph ids are consecutive too, else through the glyph id array.
    /// </summary>
    private static byte[] CharacterMap(string characters, IReadOnlyList<ushort> glyphs, int[] newIds)
    {
        var map = new SortedDictionary<char, ushort>();
        for (var i = 0; i < characters.Length && i < glyphs.Count; i++)
        {
            if (glyphs[i] != 0 && glyphs[i] < newIds.Length && newIds[glyphs[i]] > 0)
            {
                map[characters[i]] = (ushort)newIds[glyphs[i]];
            }
        }

        var pairs = map.ToArray();
        var segments = new List<(int Start, int End, bool ByDelta)>();
        var first = 0;
        for (var i = 1; i <= pairs.Length; i++)
        {
            if (i == pairs.Length || pairs[i].Key != pairs[i - 1].Key + 1)
            {
                var byDelta = true;
                for (var j = first + 1; j < i && byDelta; j++)
                {
                    byDelta = pairs[j].Value == pairs[j - 1].Value + 1;
                }

                segments.Add((first, i - 1, byDelta));
                first = i;
            }
        }

        var segmentCount = segments.Count + 1;
        var arrayLength = segments.Where(s => !s.ByDelta).Sum(s => s.End - s.Start + 1);
        var subtableLength = 16 + (8 * segmentCount) + (2 * arrayLength);
        var cmap = new byte[12 + subtableLength];
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(6), 1);
        BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(8), 12);

        var table = cmap.AsSpan(12);
        var entrySelector = (int)Math.Floor(Math.Log2(segmentCount));
        var searchRange = 2 << entrySelector;
        BinaryPrimitives.WriteUInt16BigEndian(table, 4);
        BinaryPrimitives.WriteUInt16BigEndian(table[2..], (ushort)subtableLength);
        BinaryPrimitives.WriteUInt16BigEndian(table[6..], (ushort)(segmentCount * 2));
        BinaryPrimitives.WriteUInt16BigEndian(table[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(table[10..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(table[12..], (ushort)((segmentCount * 2) - searchRange));
        var ends = 14;
        var starts = ends + (2 * segmentCount) + 2;
        var deltas = starts + (2 * segmentCount);
        var rangeOffsets = deltas + (2 * segmentCount);
        var array = rangeOffsets + (2 * segmentCount);
        for (var s = 0; s < segmentCount; s++)
        {
            var (start, end, byDelta) = s < segments.Count ? segments[s] : (-1, -1, true);
            var startCode = start < 0 ? (ushort)0xFFFF : pairs[start].Key;
            var endCode = start < 0 ? (ushort)0xFFFF : pairs[end].Key;
            BinaryPrimitives.WriteUInt16BigEndian(table[(ends + (2 * s))..], endCode);
            BinaryPrimitives.WriteUInt16BigEndian(table[(starts + (2 * s))..], startCode);
            if (byDelta)
            {
                var delta = start < 0 ? 1 : pairs[start].Value - startCode;
                BinaryPrimitives.WriteUInt16BigEndian(table[(deltas + (2 * s))..], unchecked((ushort)delta));
                continue;
            }

            // The offset from this idRangeOffset entry to the segment's first glyph id in the array.
            BinaryPrimitives.WriteUInt16BigEndian(table[(rangeOffsets + (2 * s))..], (ushort)(array - (rangeOffsets + (2 * s))));
            for (var i = start; i <= end; i++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(table[array..], pairs[i].Value);
                array += 2;
            }
        }

        return cmap;
    }

    /// <summary>A format 0 name table with the records up to the PostScript name; null when it does not parse.</summary>
    private static byte[]? FirstNames(byte[] name)
    {
        if (name.Length < 6 || BinaryPrimitives.ReadUInt16BigEndian(name) != 0)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(2));
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(4));
        if (name.Length < 6 + (12 * count))
        {
            return null;
        }

        var records = new List<(byte[] Header, int Offset, int Length)>();
        for (var i = 0; i < count; i++)
        {
            var record = name.AsSpan(6 + (12 * i), 12);
            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (offset + length > name.Length)
            {
                return null;
            }

            if (BinaryPrimitives.ReadUInt16BigEndian(record[6..]) <= LastKeptNameId)
            {
                records.Add((record.ToArray(), offset, length));
            }
        }

        var newStorage = 6 + (12 * records.Count);
        var result = new byte[newStorage + records.Sum(r => r.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(2), (ushort)records.Count);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(4), (ushort)newStorage);
        var at = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var (header, offset, length) = records[i];
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)at);
            header.CopyTo(result, 6 + (12 * i));
            name.AsSpan(offset, length).CopyTo(result.AsSpan(newStorage + at));
            at += length;
        }

        return result;
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

    /// <summary>Rewrites the component glyph ids of a composite glyph to their new numbers.</summary>
    private static void Renumber(byte[] glyph, int[] newIds)
    {
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return;
        }

        var at = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(at));
            var component = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(at + 2));
            var renumbered = component < newIds.Length ? Math.Max(0, newIds[component]) : 0;
            BinaryPrimitives.WriteUInt16BigEndian(glyph.AsSpan(at + 2), (ushort)renumbered);
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HaveScale) != 0 ? 2 : (flags & HaveXyScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0 && at + 4 <= glyph.Length);
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
