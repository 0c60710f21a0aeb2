namespace OneStop.Api.Documents;

/// <summary>
/// Settings of the document layer (configuration section "Documents").
/// </summary>
/// <remarks>
/// The forms are drawn with the Liberation Serif faces embedded in the product (<see cref="DocumentFonts"/>).
/// <see cref="RegularFontPath"/> (with the optional bold/italic paths, or siblings named by the usual
/// conventions) is an override for a province that wants another face. Neither fontconfig nor the machine's
/// font folders are ever looked at.
/// </remarks>
public sealed class DocumentOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Documents";

    /// <summary>Optional: a regular face (a .ttf or .otf file) with full Vietnamese coverage to draw the forms with instead of the embedded Liberation Serif.</summary>
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
}
