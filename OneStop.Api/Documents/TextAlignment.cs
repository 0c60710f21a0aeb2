namespace OneStop.Api.Documents;

/// <summary>Horizontal alignment of a paragraph's lines.</summary>
public enum TextAlignment
{
    Left,
    Center,
    Right,

    /// <summary>Both edges flush; the last line of a paragraph (and a line ended by a hard break) stays left.</summary>
    Justify,
}
