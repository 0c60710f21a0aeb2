namespace OneStop.Api.Documents;

/// <summary>The four faces of the document font.</summary>
public enum FontVariant
{
    Regular,
    Bold,
    Italic,
    BoldItalic,
}
