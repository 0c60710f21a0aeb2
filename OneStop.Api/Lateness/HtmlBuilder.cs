using System.Text;

namespace OneStop.Api.Lateness;

/// <summary>A minimal HTML writer: text and attribute values are always encoded; only literal markup is raw.</summary>
public sealed class HtmlBuilder
{
    private readonly StringBuilder _html = new();

    /// <summary>Opens an element; attributes with a null value are left out.</summary>
    public HtmlBuilder Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    public HtmlBuilder Text(string? text)
    {
        _html.Append(Encode(text ?? string.Empty));
        return this;
    }

    /// <summary>An element with text content.</summary>
    public HtmlBuilder Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>Trusted markup written by this program (never user data).</summary>
    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public override string ToString() => _html.ToString();

    /// <summary>Escapes the five markup characters; Vietnamese letters stay as they are (the page is UTF-8).</summary>
    private static string Encode(string text) =>
        text.AsSpan().IndexOfAny("&<>\"'") < 0 ? text
        : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
