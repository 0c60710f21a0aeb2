using System.Security.Cryptography;
using OneStop.Api.Documents;
using SkiaSharp;

namespace OneStop.Tests.Api.Documents;

public sealed class DocumentFontsTests
{
    /// <summary>SHA-256 of Liberation Serif 2.1.5 as released (Debian's fonts-liberation2 2.1.5-1 ships the same files).</summary>
    private static readonly Dictionary<string, string> UpstreamHashes = new()
    {
        ["LiberationSerif-Regular.ttf"] = "29d12439831b7f59194efec85872f24f54eff05738933f9a860220d2abff88ba",
        ["LiberationSerif-Bold.ttf"] = "446a4421f297698427170fd7db20e59169a4188baaaf940e9bea58af6341a723",
        ["LiberationSerif-Italic.ttf"] = "c1830c433ab41379f1139fac388989d37c9f08c81e1bd643efdcc7946db30753",
        ["LiberationSerif-BoldItalic.ttf"] = "36dd6965be8915f6d7efb259757f1f7546a7c6f72c53a20bbe4ae7092f2cd558",
    };

    [Fact]
    public void Load_DefaultOptions_TakesTheEmbeddedLiberationSerifWithEveryVietnameseLetterInAllFaces()
    {
        var fonts = DocumentSamples.Fonts;

        Assert.Equal("Liberation Serif", fonts.FamilyName);
        Assert.All(fonts.Sources, source => Assert.StartsWith("embedded:LiberationSerif-", source, StringComparison.Ordinal));
        foreach (var variant in Enum.GetValues<FontVariant>())
        {
            using var font = new SKFont(fonts[variant], 12);
            Assert.True(font.ContainsGlyphs("ăâđêôơưĂÂĐÊÔƠƯ ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ"));
        }
    }

    [Fact]
    public void EmbeddedFiles_EveryFace_IsTheReleasedFileUnmodifiedWithItsLicenceBeside()
    {
        var assembly = typeof(DocumentFonts).Assembly;
        foreach (var file in DocumentFonts.EmbeddedFiles)
        {
            using var stream = assembly.GetManifestResourceStream("OneStop.Api.Documents.Fonts." + file);
            Assert.NotNull(stream);
            Assert.Equal(UpstreamHashes[file], Convert.ToHexStringLower(SHA256.HashData(stream)));
        }

        var licence = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", "Fonts", "LICENSE"));
        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1", licence, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2012 Red Hat, Inc.", licence, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_EveryVariant_VietnameseFaceHoldsAFractionOfTheGlyphsWithTheFilesAdvances()
    {
        var fonts = DocumentSamples.Fonts;
        const string text = DocumentFonts.VietnameseLetters + " “Đăng ký” – 25°, № 3 × 4 … ₫";

        foreach (var variant in Enum.GetValues<FontVariant>())
        {
            Assert.True(fonts[variant].GlyphCount * 4 < fonts.Full(variant).GlyphCount, $"{variant}: {fonts[variant].GlyphCount} of {fonts.Full(variant).GlyphCount} glyphs");
            using var reduced = new SKFont(fonts[variant], 10) { Subpixel = true, LinearMetrics = true };
            using var whole = new SKFont(fonts.Full(variant), 10) { Subpixel = true, LinearMetrics = true };
            Assert.True(reduced.ContainsGlyphs(text));
            Assert.Equal(whole.GetGlyphWidths(text), reduced.GetGlyphWidths(text));
        }
    }

    [Theory]
    [InlineData("Nguyễn Thị Hồng Nhung, 03 ngày làm việc…", 0)]
    [InlineData("Müller", 1)]
    [InlineData("Наталья", 2)]
    public void FaceFor_Text_TakesTheSmallestFaceWithEveryGlyph(string text, int expected)
    {
        Assert.Equal(expected, DocumentSamples.Fonts.FaceFor(FontVariant.Regular, text));
    }

    [Fact]
    public void Load_RegularFontPath_DrawsWithTheConfiguredFileAndFindsItsSiblings()
    {
        var folder = Directory.CreateTempSubdirectory("onestop-fonts-");
        try
        {
            var styles = new[] { "Regular", "Bold", "Italic", "BoldItalic" };
            for (var i = 0; i < styles.Length; i++)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, $"Province-{styles[i]}.ttf"), EmbeddedFile(i));
            }

            using var fonts = DocumentFonts.Load(new DocumentOptions { RegularFontPath = Path.Combine(folder.FullName, "Province-Regular.ttf") });

            Assert.Equal(Path.Combine(folder.FullName, "Province-Bold.ttf"), fonts.Sources[(int)FontVariant.Bold]);
            Assert.Equal(Path.Combine(folder.FullName, "Province-Italic.ttf"), fonts.Sources[(int)FontVariant.Italic]);
            Assert.Equal(Path.Combine(folder.FullName, "Province-BoldItalic.ttf"), fonts.Sources[(int)FontVariant.BoldItalic]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingConfiguredFile_ThrowsNamingFileAndSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => DocumentFonts.Load(new DocumentOptions { RegularFontPath = "/nowhere/TimesVN.ttf" }));

        Assert.Contains("/nowhere/TimesVN.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains("Documents:RegularFontPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileThatIsNotAFont_ThrowsNamingFile()
    {
        var folder = Directory.CreateTempSubdirectory("onestop-fonts-");
        try
        {
            var path = Path.Combine(folder.FullName, "Broken-Regular.ttf");
            foreach (var style in new[] { "Regular", "Bold", "Italic", "BoldItalic" })
            {
                File.WriteAllText(Path.Combine(folder.FullName, $"Broken-{style}.ttf"), "not a font");
            }

            var error = Assert.Throws<InvalidOperationException>(() => DocumentFonts.Load(new DocumentOptions { RegularFontPath = path }));

            Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_FontWithoutVietnameseLetters_ThrowsListingMissingLetters()
    {
        // The embedded face cut down to Basic Latin stands for a face such as Debian's old fonts-liberation (1.07),
        // which has no ơ, ư or ạ…ỹ.
        var folder = Directory.CreateTempSubdirectory("onestop-fonts-");
        try
        {
            var latin = string.Concat(Enumerable.Range(0x20, 0x5F).Select(c => (char)c));
            var path = Path.Combine(folder.FullName, "Latin-Regular.ttf");
            foreach (var (style, i) in new[] { "Regular", "Bold", "Italic", "BoldItalic" }.Select((style, i) => (style, i)))
            {
                var file = EmbeddedFile(i);
                using var data = SKData.CreateCopy(file);
                using var face = SKTypeface.FromData(data);
                using var font = new SKFont(face, 12);
                File.WriteAllBytes(Path.Combine(folder.FullName, $"Latin-{style}.ttf"), TrueTypeSubset.Create(file, latin, font.GetGlyphs(latin))!);
            }

            var error = Assert.Throws<InvalidOperationException>(() => DocumentFonts.Load(new DocumentOptions { RegularFontPath = path }));

            Assert.Contains("lacks Vietnamese letters", error.Message, StringComparison.Ordinal);
            Assert.Contains("ơ", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] EmbeddedFile(int variant)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream("OneStop.Api.Documents.Fonts." + DocumentFonts.EmbeddedFiles[variant])!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
