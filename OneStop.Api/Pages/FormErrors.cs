namespace OneStop.Api.Pages;

/// <summary>Field errors of a posted form, in Vietnamese, keyed by the API's field names.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);

    public static FormErrors None => new();

    public bool IsEmpty => _errors.Count == 0;

    public IEnumerable<(string Field, string Message)> All => _errors.Select(e => (e.Key, e.Value));

    /// <summary>Errors from a validation problem, translated.</summary>
    public static FormErrors From(IDictionary<string, string[]>? errors)
    {
        var form = new FormErrors();
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            form.Add(field, string.Join(" ", messages.Select(VietnameseText.Message)));
        }

        return form;
    }

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var earlier) ? earlier + " " + message : message;

    public string? For(string field) => _errors.GetValueOrDefault(field);
}
