using Microsoft.AspNetCore.Antiforgery;

namespace OneStop.Api.Pages;

/// <summary>
/// Form controls with a label on every field and the error written next to it (linked with
/// <c>aria-describedby</c>, the field marked <c>aria-invalid</c>). Field names are the API's field names, so the
/// validation errors of the JSON endpoints land beside the right input.
/// </summary>
public static class PageForms
{
    /// <summary>The hidden antiforgery field; form posts without it are refused with 400.</summary>
    public static Html Antiforgery(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Html.Of($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    /// <summary>
    /// A labelled input; <paramref name="type"/> is text, tel, email, number, datetime-local, password;
    /// <paramref name="extra"/> holds further attributes written as they are (constants only).
    /// </summary>
    public static Html Input(
        string name, string label, string? value, FormErrors errors, string type = "text", bool required = false, string? hint = null, Html? extra = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var fieldId = id ?? IdOf(name);
        var error = errors.For(name);
        return Html.Of($"""
            <div class="field{(error is null ? string.Empty : " has-error")}">
              <label for="{fieldId}">{label}{Required(required)}</label>
              {Hint(fieldId, hint)}{Error(fieldId, error)}
              <input id="{fieldId}" name="{name}" type="{type}" value="{value}"{Described(fieldId, hint, error)}{(required ? Html.Of($" required") : Html.Empty)}{(extra is null ? Html.Empty : Html.Of($" {extra}"))}>
            </div>
            """);
    }

    /// <summary>A labelled text area.</summary>
    public static Html TextArea(string name, string label, string? value, FormErrors errors, bool required = false, string? hint = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var fieldId = id ?? IdOf(name);
        var error = errors.For(name);
        return Html.Of($"""
            <div class="field{(error is null ? string.Empty : " has-error")}">
              <label for="{fieldId}">{label}{Required(required)}</label>
              {Hint(fieldId, hint)}{Error(fieldId, error)}
              <textarea id="{fieldId}" name="{name}" rows="3"{Described(fieldId, hint, error)}{(required ? Html.Of($" required") : Html.Empty)}>{value}</textarea>
            </div>
            """);
    }

    /// <summary>A labelled select.</summary>
    public static Html Select(string name, string label, string? value, IEnumerable<(string Value, string Text)> options, FormErrors errors, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var fieldId = id ?? IdOf(name);
        var error = errors.For(name);
        var items = options.Select(o => o.Value == value
            ? Html.Of($"""<option value="{o.Value}" selected>{o.Text}</option>""")
            : Html.Of($"""<option value="{o.Value}">{o.Text}</option>"""));
        return Html.Of($"""
            <div class="field{(error is null ? string.Empty : " has-error")}">
              <label for="{fieldId}">{label}</label>
              {Error(fieldId, error)}
              <select id="{fieldId}" name="{name}"{Described(fieldId, null, error)}>{items}</select>
            </div>
            """);
    }

    /// <summary>The summary of errors at the top of a form, each linking to its field.</summary>
    public static Html ErrorSummary(FormErrors errors, string? idPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.IsEmpty)
        {
            return Html.Empty;
        }

        var items = errors.All.Select(e => Html.Of($"""<li><a href="#{idPrefix}{IdOf(e.Field)}">{VietnameseText.FieldName(e.Field)}: {e.Message}</a></li>"""));
        return Html.Of($"""
            <div class="notice notice-error" role="alert">
              <p><strong>Chưa lưu được: vui lòng sửa các mục sau.</strong></p>
              <ul>{items}</ul>
            </div>
            """);
    }

    /// <summary>An element id from a field name: "applicant.fullName" gives "applicant-fullName".</summary>
    public static string IdOf(string name) =>
        (name ?? string.Empty).Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);

    private static Html Required(bool required) => required ? Html.Of($""" <span class="req">(bắt buộc)</span>""") : Html.Empty;

    private static Html Hint(string id, string? hint) => hint is null ? Html.Empty : Html.Of($"""<p class="hint" id="{id}-hint">{hint}</p>""");

    private static Html Error(string id, string? error) => error is null ? Html.Empty : Html.Of($"""<p class="error" id="{id}-error">{error}</p>""");

    private static Html Described(string id, string? hint, string? error)
    {
        var ids = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        return ids.Length == 0 ? Html.Empty
            : error is null ? Html.Of($""" aria-describedby="{ids}" """)
            : Html.Of($""" aria-describedby="{ids}" aria-invalid="true" """);
    }
}
