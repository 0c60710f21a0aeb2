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

    /// <summary>Standard Linux folders searched when nothing is configured.</summary>
    public static readonly IReadOnlyList<string> SystemFontFolders =
    [
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/liberation",
        "/usr/share/fonts/liberation-serif",
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/dejavu-serif-fonts",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
    ];

    /// <summary>Families in order of preference, with their four file names.</summary>
    private static readonly IReadOnlyList<FontFamilyFiles> KnownFamilies =
    [
        new("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
        new("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    ];

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

    private readonly SKTypeface[] _faces;
    private readonly SKTypeface[] _fullFaces;
    private readonly bool[]?[] _covered;

    private DocumentFonts(string familyName, SKTypeface[] fullFaces, IReadOnlyList<string> paths)
    {
        FamilyName = familyName;
        _fullFaces = fullFaces;
        Paths = paths;
        _faces = new SKTypeface[fullFaces.Length];
        _covered = new bool[]?[fullFaces.Length];
        for (var i = 0; i < fullFaces.Length; i++)
        {
            (_faces[i], _covered[i]) = DocumentFace(fullFaces[i], paths[i]);
        }
    }

    /// <summary>The family that was found ("Liberation Serif", "DejaVu Serif", or the configured file's family).</summary>
    public string FamilyName { get; }

    /// <summary>The four files, in <see cref="FontVariant"/> order.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>
    /// The typeface documents draw one variant with: the font reduced to <see cref="DocumentRanges"/> (see
    /// <see cref="TrueTypeSubset"/>), so that a PDF embeds tens of kilobytes per face instead of the whole file.
    /// </summary>
    public SKTypeface this[FontVariant variant] => _faces[(int)variant];

    /// <summary>The whole font file of one variant, for text <see cref="Covers"/> rejects.</summary>
    public SKTypeface Full(FontVariant variant) => _fullFaces[(int)variant];

    /// <summary>Whether every character of <paramref name="text"/> has its glyph in the document face of <paramref name="variant"/>.</summary>
    public bool Covers(FontVariant variant, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_covered[(int)variant] is not { } covered)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (!covered[c] && !char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Resolves and loads the four faces, checking Vietnamese coverage; call at start-up.
    /// </summary>
    /// <remarks>
    /// A configured file or folder must work: its failure is the error. Without configuration the
    /// standard folders are tried family by family, and a family lacking Vietnamese letters is
    /// skipped: Debian's fonts-liberation (1.07) has no "ơ", "ư" or "ạ…ỹ", while
    /// fonts-liberation2 (2.x) and DejaVu Serif have them all.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No usable font: the message says what was tried and which setting to change.</exception>
    public static DocumentFonts Load(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.RegularFontPath))
        {
            var files = ResolveConfiguredFiles(options);
            return TryLoad(null, files, out var problem) ?? throw new InvalidOperationException(problem);
        }

        if (!string.IsNullOrWhiteSpace(options.FontDirectory))
        {
            if (!Directory.Exists(options.FontDirectory))
            {
                throw new InvalidOperationException(
                    $"Documents: the configured font directory '{options.FontDirectory}' " +
                    $"({DocumentOptions.SectionName}:{nameof(DocumentOptions.FontDirectory)}) does not exist.");
            }

            return LoadFirstUsable(Candidates([options.FontDirectory], recursive: true), [options.FontDirectory]);
        }

        return options.SearchSystemFolders
            ? LoadFirstUsable(Candidates(SystemFontFolders, recursive: false), SystemFontFolders)
            : throw NotFound([], []);
    }

    public void Dispose()
    {
        foreach (var face in _faces.Concat(_fullFaces).Distinct())
        {
            face.Dispose();
        }
    }

    /// <summary>The reduced face and the characters it has; the whole face (covering everything) when the file cannot be reduced.</summary>
    private static (SKTypeface Face, bool[]? Covered) DocumentFace(SKTypeface full, string path)
    {
        var characters = new StringBuilder();
        foreach (var (first, last) in DocumentRanges)
        {
            for (var c = first; c <= last; c++)
            {
                characters.Append((char)c);
            }
        }

        var text = characters.ToString();
        using var font = new SKFont(full, 12);
        var glyphs = font.GetGlyphs(text);
        var subset = TrueTypeSubset.Create(File.ReadAllBytes(path), text, glyphs);
        using var data = subset is null ? null : SKData.CreateCopy(subset);
        if (data is null || SKTypeface.FromData(data) is not { } face)
        {
            return (full, null);
        }

        var covered = new bool[char.MaxValue + 1];
        for (var i = 0; i < text.Length; i++)
        {
            covered[text[i]] = glyphs[i] != 0;
        }

        return (face, covered);
    }

    private static DocumentFonts LoadFirstUsable(IEnumerable<(string Family, string[] Paths)> candidates, IReadOnlyList<string> folders)
    {
        var rejected = new List<string>();
        foreach (var (family, paths) in candidates)
        {
            var fonts = TryLoad(family, paths, out var problem);
            if (fonts is not null)
            {
                return fonts;
            }

            rejected.Add(problem);
        }

        throw NotFound(folders, rejected);
    }

    private static InvalidOperationException NotFound(IReadOnlyList<string> folders, IReadOnlyList<string> rejected) =>
        new(
            "Documents: no serif font with Vietnamese coverage was found. Looked for Liberation Serif " +
            "(LiberationSerif-Regular.ttf, -Bold, -Italic, -BoldItalic) and DejaVu Serif (DejaVuSerif.ttf, -Bold, -Italic, -BoldItalic) in: " +
            (folders.Count == 0 ? "(no folder: nothing configured and system folders disabled)" : string.Join(", ", folders)) + ". " +
            (rejected.Count == 0 ? string.Empty : "Rejected: " + string.Join(" ", rejected) + " ") +
            "Install fonts-liberation2 or fonts-dejavu-core, or set " +
            $"{DocumentOptions.SectionName}:{nameof(DocumentOptions.FontDirectory)} or " +
            $"{DocumentOptions.SectionName}:{nameof(DocumentOptions.RegularFontPath)}.");

    /// <summary>Loads four files; null with the reason when one is unreadable or lacks Vietnamese letters.</summary>
    private static DocumentFonts? TryLoad(string? family, string[] paths, out string problem)
    {
        var faces = new SKTypeface?[paths.Length];
        problem = string.Empty;
        for (var i = 0; i < paths.Length && problem.Length == 0; i++)
        {
            faces[i] = SKTypeface.FromFile(paths[i]);
            problem = faces[i] is { } face
                ? MissingLetters(face, paths[i])
                : $"Documents: the font file '{paths[i]}' could not be read as a TrueType/OpenType font.";
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
        return new DocumentFonts(family ?? loaded[0].FamilyName, loaded, paths);
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

    private static IEnumerable<(string Family, string[] Paths)> Candidates(IEnumerable<string> folders, bool recursive)
    {
        var existing = folders.Where(Directory.Exists).ToList();
        foreach (var family in KnownFamilies)
        {
            foreach (var folder in existing)
            {
                var paths = family.Files.Select(file => Find(folder, file, recursive)).ToArray();
                if (paths.All(path => path is not null))
                {
                    yield return (family.Name, paths.OfType<string>().ToArray());
                }
            }
        }
    }

    private static string? Find(string folder, string fileName, bool recursive)
    {
        var direct = Path.Combine(folder, fileName);
        if (File.Exists(direct))
        {
            return direct;
        }

        return recursive
            ? Directory.EnumerateFiles(folder, fileName, SearchOption.AllDirectories).FirstOrDefault()
            : null;
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

    private sealed record FontFamilyFiles(string Name, params string[] Files);
}
