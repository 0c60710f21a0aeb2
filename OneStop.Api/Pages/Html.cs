using System.Runtime.CompilerServices;

namespace OneStop.Api.Pages;

/// <summary>
/// A piece of HTML that is safe to write: built with <see cref="Of"/>, where every interpolated value is escaped
/// unless it is itself <see cref="Html"/>. Pages never concatenate strings into markup.
/// </summary>
public sealed class Html
{
    private Html(string value) => Value = value;

    public static Html Empty { get; } = new(string.Empty);

    internal string Value { get; }

    /// <summary>Markup from literals and escaped values: <c>Html.Of($"&lt;p&gt;{name}&lt;/p&gt;")</c>.</summary>
    public static Html Of([InterpolatedStringHandlerArgument] ref HtmlInterpolatedStringHandler markup) => new(markup.ToStringAndClear());

    /// <summary>Escaped text.</summary>
    public static Html Text(string? text) => new(HtmlInterpolatedStringHandler.Encode(text));

    /// <summary>The parts one after the other.</summary>
    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary><paramref name="markup"/> when <paramref name="condition"/> holds, nothing otherwise.</summary>
    public static Html When(bool condition, Func<Html> markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        return condition ? markup() : Empty;
    }

    public override string ToString() => Value;
}
