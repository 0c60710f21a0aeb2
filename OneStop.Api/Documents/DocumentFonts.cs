using System.Globalization;
using System.Text;
using SkiaSharp;

namespace OneStop.Api.Documents;

/// <summary>
/// The serif typefaces every document is drawn with: regular, bold, italic and bold italic,
/// each checked for full Vietnamese coverage when loaded.
/// </summary>
/// <remarks>
/// Typefaces are immutable and shared by all renderings (SkiaSharp typefaces are thread-safe);
/// fonts, canvases and documents are created per rendering. Load once at start-up with
/// <see cref="Load"/>: a missing or incomplete font is an exception there, never boxes in a PDF.
/// </remarks>
public sealed class DocumentFonts : IDisposable
{
    /// <summary>Every Vietnamese letter (NFC, both cases) that must have a glyph.</summary>
    public const string VietnameseLetters =
        "aăâbcdđeêghiklmnoôơpqrstuưvxy" +
        "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY" +
        "ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ" +
        "ẠẢÃÁÀẶẲẴẮẰẬẨẪẤẦẸẺẼÉÈỆỂỄẾỀỊỈĨÍÌỌỎÕÓÒỘỔỖỐỒỢỞỠỚỜỤỦŨÚÙỰỬỮỨỪỴỶỸÝỲ" +
        "0123456789.,;:()/-–…";

    /// <summary>The four embedded faces, in <see cref="FontVariant"/> order (resource names = file names in <c>Documents/Fonts</c>).</summary>
    public static readonly IReadOnlyList<string> EmbeddedFiles =
        ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"];

    /// <summary>The family of the embedded faces.</summary>
    public const string EmbeddedFamily = "Liberation Serif";

    private const string ResourcePrefix = "OneStop.Api.Documents.Fonts.";

    /// <summary>
    /// The code points the document faces keep: Basic Latin, Latin-1 and Extended-A, the Vietnamese letters
    /// (ơ, ư and Latin Extended Additional), the combining tone marks, dashes, quotes, bullets and the ellipsis,
    /// ₫, €, № and the ballot boxes. Any other character is drawn with the whole face, so it still prints.
    /// </summary>
    private static readonly (int First, int Last)[] DocumentRanges =
    [
        (0x0020, 0x007E), (0x00A0, 0x017F), (0x01A0, 0x01B0), (0x0300, 0x0323), (0x1EA0, 0x1EF9),
        (0x2010, 0x2027), (0x2030, 0x203A), (0x20AB, 0x20AC), (0x2116, 0x2116), (0x25A0, 0x25A1),
    ];

    /// <summary>
    /// The code points of the Vietnamese faces, a part of <see cref="DocumentRanges"/> with half its glyphs: Basic
    /// Latin, the Vietnamese letters (those of Latin-1 and Extended-A, ơ, ư, Latin Extended Additional), no-break
    /// space, §, °, ×, en and em dashes, curly quotes, the bullet, the ellipsis, ₫, № and the ballot boxes. Text in
    /// Vietnamese is drawn with these: a PDF embeds (and compresses) half the font data.
    /// </summary>
    private static readonly (int First, int Last)[] VietnameseRanges =
    [
        (0x0020, 0x007E), (0x00A0, 0x00A0), (0x00A7, 0x00A7), (0x00B0, 0x00B0), (0x00C0, 0x00C3), (0x00C8, 0x00CA),
        (0x00CC, 0x00CD), (0x00D2, 0x00D5), (0x00D7, 0x00D7), (0x00D9, 0x00DA), (0x00DD, 0x00DD), (0x00E0, 0x00E3),
        (0x00E8, 0x00EA), (0x00EC, 0x00ED), (0x00F2, 0x00F5), (0x00F9, 0x00FA), (0x00FD, 0x00FD), (0x0102, 0x0103),
        (0x0110, 0x0111), (0x0128, 0x0129), (0x0168, 0x0169), (0x01A0, 0x01A1), (0x01AF, 0x01B0), (0x1EA0, 0x1EF9),
        (0x2013, 0x2014), (0x2018, 0x2019), (0x201C, 0x201D), (0x2022, 0x2022), (0x2026, 0x2026), (0x20AB, 0x20AB),
        (0x2116, 0x2116), (0x25A0, 0x25A1),
    ];

    /// <summary>Per variant, the faces from the smallest to the whole file: the Vietnamese face, the document face, the file.</summary>
    private readonly ReducedFace[][] _faces;

    private DocumentFonts(string familyName, SKTypeface[] fullFaces, byte[][] files, IReadOnlyList<string> sources)
    {
        FamilyName = familyName;
        Sources = sources;
        _faces = new ReducedFace[fullFaces.Length][];
        for (var i = 0; i < fullFaces.Length; i++)
        {
            _faces[i] =
            [
                ReducedFace.Create(fullFaces[i], files[i], VietnameseRanges),
                ReducedFace.Create(fullFaces[i], files[i], DocumentRanges),
                new ReducedFace(fullFaces[i], null),
            ];
        }
    }

    /// <summary>The family: "Liberation Serif" (embedded), or the configured file's family.</summary>
    public string FamilyName { get; }

    /// <summary>Where the four faces came from, in <see cref="FontVariant"/> order: "embedded:&lt;file&gt;" or the configured paths.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>
    /// The typeface documents draw Vietnamese text of one variant with: the font reduced to
    /// <see cref="VietnameseRanges"/> (see <see cref="TrueTypeSubset"/>), so that a PDF embeds tens of kilobytes
    /// per face instead of the whole file.
    /// </summary>
    public SKTypeface this[FontVariant variant] => _faces[(int)variant][0].Face;

    /// <summary>The whole font file of one variant, for text <see cref="Covers"/> rejects.</summary>
    public SKTypeface Full(FontVariant variant) => _faces[(int)variant][^1].Face;

    /// <summary>Whether every character of <paramref name="text"/> has its glyph in a reduced face of <paramref name="variant"/>.</summary>
    public bool Covers(FontVariant variant, string text) => FaceFor(variant, text) < _faces[(int)variant].Length - 1;

    /// <summary>The smallest face of <paramref name="variant"/> with every glyph of <paramref name="text"/>, as an index for <see cref="Face"/>.</summary>
    internal int FaceFor(FontVariant variant, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var faces = _faces[(int)variant];
        for (var i = 0; i < faces.Length - 1; i++)
        {
            if (faces[i].Covers(text))
            {
                return i;
            }
        }

        return faces.Length - 1;
    }

    /// <summary>One face of <paramref name="variant"/>: 0 the smallest, larger indexes cover more (see <see cref="FaceFor"/>).</summary>
    internal SKTypeface Face(FontVariant variant, int index) => _faces[(int)variant][index].Face;

    /// <summary>
    /// Loads the four faces, checking Vietnamese coverage; call at start-up.
    /// </summary>
    /// <remarks>
    /// The forms are drawn with Liberation Serif 2.1.5 (SIL Open Font Licence 1.1, the licence is
    /// <c>Documents/Fonts/LICENSE</c>), whose four unmodified files are resources of this assembly: the same
    /// dossier and clock give the same PDF bytes on every machine, whatever fonts it has installed. A province
    /// that wants another face sets <see cref="DocumentOptions.RegularFontPath"/> (and, unless the files sit
    /// side by side, its siblings); a configured file must work, its failure is the error. Fonts installed on
    /// the machine are never looked at.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A configured file is missing, unreadable or lacks Vietnamese letters.</exception>
    public static DocumentFonts Load(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RegularFontPath))
        {
            return Embedded();
        }

        var paths = ResolveConfiguredFiles(options);
        var files = new byte[paths.Length][];
        for (var i = 0; i < paths.Length; i++)
        {
            files[i] = File.ReadAllBytes(paths[i]);
        }

        return TryLoad(null, files, paths, out var problem) ?? throw new InvalidOperationException(problem);
    }

    /// <summary>The embedded Liberation Serif faces.</summary>
    public static DocumentFonts Embedded()
    {
        var assembly = typeof(DocumentFonts).Assembly;
        var files = EmbeddedFiles.Select(file =>
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new InvalidOperationException($"Documents: the embedded font {file} is missing from {assembly.GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }).ToArray();
        return TryLoad(EmbeddedFamily, files, EmbeddedFiles.Select(file => "embedded:" + file).ToList(), out var problem)
            ?? throw new InvalidOperationException(problem);
    }

    public void Dispose()
    {
        foreach (var face in _faces.SelectMany(faces => faces).Select(f => f.Face).Distinct())
        {
            face.Dispose();
        }
    }

    /// <summary>Loads four font files; null with the reason when one is unreadable or lacks Vietnamese letters.</summary>
    private static DocumentFonts? TryLoad(string? family, byte[][] files, IReadOnlyList<string> sources, out string problem)
    {
        var faces = new SKTypeface?[files.Length];
        problem = string.Empty;
        for (var i = 0; i < files.Length && problem.Length == 0; i++)
        {
            using var data = SKData.CreateCopy(files[i]);
            faces[i] = SKTypeface.FromData(data);
            problem = faces[i] is { } face
                ? MissingLetters(face, sources[i])
                : $"Documents: the font file '{sources[i]}' could not be read as a TrueType/OpenType font.";
        }

        if (problem.Length > 0)
        {
            foreach (var face in faces)
            {
                face?.Dispose();
            }

            return null;
        }

        var loaded = faces.OfType<SKTypeface>().ToArray();
        return new DocumentFonts(family ?? loaded[0].FamilyName, loaded, files, sources);
    }

    private static string[] ResolveConfiguredFiles(DocumentOptions options)
    {
        var regular = options.RegularFontPath!;
        if (!File.Exists(regular))
        {
            throw new InvalidOperationException(
                $"Documents: the configured font file '{regular}' " +
                $"({DocumentOptions.SectionName}:{nameof(DocumentOptions.RegularFontPath)}) does not exist.");
        }

        return
        [
            regular,
            ConfiguredOrSibling(options.BoldFontPath, regular, "Bold", nameof(DocumentOptions.BoldFontPath)),
            ConfiguredOrSibling(options.ItalicFontPath, regular, "Italic", nameof(DocumentOptions.ItalicFontPath)),
            ConfiguredOrSibling(options.BoldItalicFontPath, regular, "BoldItalic", nameof(DocumentOptions.BoldItalicFontPath)),
        ];
    }

    private static string ConfiguredOrSibling(string? configured, string regular, string style, string settingName)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException(
                    $"Documents: the configured font file '{configured}' ({DocumentOptions.SectionName}:{settingName}) does not exist.");
        }

        // "X-Regular.ttf" -> "X-Bold.ttf"; "X.ttf" -> "X-Bold.ttf".
        var folder = Path.GetDirectoryName(regular) ?? ".";
        var name = Path.GetFileNameWithoutExtension(regular);
        var extension = Path.GetExtension(regular);
        if (name.EndsWith("-Regular", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^"-Regular".Length];
        }

        var sibling = Path.Combine(folder, $"{name}-{style}{extension}");
        return File.Exists(sibling)
            ? sibling
            : throw new InvalidOperationException(
                $"Documents: no {style} face next to '{regular}' (looked for '{sibling}'). " +
                $"Set {DocumentOptions.SectionName}:{settingName}.");
    }

    /// <summary>Empty when the face has every Vietnamese letter; else the message naming the missing ones.</summary>
    private static string MissingLetters(SKTypeface face, string path)
    {
        using var font = new SKFont(face, 12);
        var letters = VietnameseLetters.Normalize(NormalizationForm.FormC);
        if (font.ContainsGlyphs(letters))
        {
            return string.Empty;
        }

        var missing = letters.Where(c => !font.ContainsGlyphs(c.ToString(CultureInfo.InvariantCulture))).Distinct();
        return $"Documents: the font '{path}' ({face.FamilyName}) lacks Vietnamese letters: " +
            string.Join(" ", missing.Select(c => c.ToString(CultureInfo.InvariantCulture))) + ".";
    }

    /// <summary>A face and the characters it has (null: the whole file, taken to have them all).</summary>
    private sealed record ReducedFace(SKTypeface Face, bool[]? Covered)
    {
        /// <summary>The face reduced to <paramref name="ranges"/>; the whole face when the file cannot be reduced.</summary>
        public static ReducedFace Create(SKTypeface full, byte[] file, (int First, int Last)[] ranges)
        {
            var characters = new StringBuilder();
            foreach (var (first, last) in ranges)
            {
                for (var c = first; c <= last; c++)
                {
                    characters.Append((char)c);
                }
            }

            var text = characters.ToString();
            using var font = new SKFont(full, 12);
            var glyphs = font.GetGlyphs(text);
            var subset = TrueTypeSubset.Create(file, text, glyphs);
            using var data = subset is null ? null : SKData.CreateCopy(subset);
            if (data is null || SKTypeface.FromData(data) is not { } face)
            {
                return new ReducedFace(full, null);
            }

            var covered = new bool[char.MaxValue + 1];
            for (var i = 0; i < text.Length; i++)
            {
                covered[text[i]] = glyphs[i] != 0;
            }

            return new ReducedFace(face, covered);
        }

        public bool Covers(string text)
        {
            if (Covered is null)
            {
                return true;
            }

            foreach (var c in text)
            {
                if (!Covered[c] && !char.IsControl(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
