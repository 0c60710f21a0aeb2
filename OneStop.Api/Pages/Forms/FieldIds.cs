namespace OneStop.Api.Pages.Forms;

/// <summary>Element ids of form fields, shared by the form components and the error summary.</summary>
public static class FieldIds
{
    /// <summary>An element id from a field name: "applicant.fullName" gives "applicant-fullName", "documents[1]" gives "documents-1".</summary>
    public static string Of(string? name) =>
        (name ?? string.Empty).Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);

    /// <summary>The aria-describedby of a field: its hint and its error, or null (no attribute) when it has neither.</summary>
    public static string? DescribedBy(string id, string? hint, string? error)
    {
        var ids = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        return ids.Length == 0 ? null : ids;
    }
}
