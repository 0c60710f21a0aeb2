namespace OneStop.Api.Documents;

/// <summary>
/// Where the document layer finds its serif font (configuration section "Documents").
/// </summary>
/// <remarks>
/// Resolution order: <see cref="RegularFontPath"/> (with the optional bold/italic paths, or
/// siblings named by the usual conventions), then Liberation Serif or DejaVu Serif inside
/// <see cref="FontDirectory"/>, then the same families in the standard Linux font folders.
/// Fontconfig is never asked: the files are opened directly, so a container without
/// fontconfig renders the same PDF.
/// </remarks>
public sealed class DocumentOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Documents";

    /// <summary>A folder searched (with its sub-folders) for Liberation Serif or DejaVu Serif.</summary>
    public string? FontDirectory { get; set; }

    /// <summary>An explicit regular face (a .ttf or .otf file) with full Vietnamese coverage.</summary>
    public string? RegularFontPath { get; set; }

    /// <summary>The bold face; when empty, a sibling of the regular file named "…-Bold" is used.</summary>
    public string? BoldFontPath { get; set; }

    /// <summary>The italic face; when empty, a sibling named "…-Italic" is used.</summary>
    public string? ItalicFontPath { get; set; }

    /// <summary>The bold italic face; when empty, a sibling named "…-BoldItalic" is used.</summary>
    public string? BoldItalicFontPath { get; set; }

    /// <summary>
    /// The public site's address, e.g. "https://motcua.hanoi.gov.vn": the receipt's QR code encodes
    /// "{PublicBaseUrl}/tra-cuu/{code}", and every link sent to a citizen starts with it. Required outside
    /// Development (checked at start); empty in Development: the scheme and host of the request that prints the form.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// When true (the default), Liberation Serif and DejaVu Serif are looked for in the standard
    /// Linux font folders if nothing was configured. Tests turn it off to prove the error path.
    /// </summary>
    public bool SearchSystemFolders { get; set; } = true;
}
