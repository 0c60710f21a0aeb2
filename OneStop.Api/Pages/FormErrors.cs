using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Problems;

namespace OneStop.Api.Pages;

/// <summary>
/// Field errors of a posted form, in Vietnamese, keyed by the API's field names. The text of each error comes from
/// its stable code (<see cref="Messages.Field(FieldError)"/>), never from the API's English message.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);

    public static FormErrors None => new();

    public bool IsEmpty => _errors.Count == 0;

    public IEnumerable<(string Field, string Message)> All => _errors.Select(e => (e.Key, e.Value));

    /// <summary>The errors collected by a <see cref="Validation"/>.</summary>
    public static FormErrors From(Validation? validation) => From(validation?.Codes);

    /// <summary>
    /// The errors of an endpoint's 400 answer, from its <c>codes</c> extension; a field the extension does not cover
    /// (an endpoint that does not give codes yet) gets <see cref="Messages.UnknownField"/>.
    /// </summary>
    public static FormErrors From(ValidationProblem? problem)
    {
        var form = From(problem is not null && problem.ProblemDetails.Extensions.TryGetValue(Validation.CodesExtension, out var codes) ? codes as IDictionary<string, FieldError[]> : null);
        foreach (var field in problem?.ProblemDetails.Errors.Keys ?? [])
        {
            if (form.For(field) is null)
            {
                form.Add(field, Messages.UnknownField);
            }
        }

        return form;
    }

    /// <summary>The errors of an endpoint's answer when it is a 400, otherwise none.</summary>
    public static FormErrors From(IResult? result) => From(result as ValidationProblem);

    private static FormErrors From(IDictionary<string, FieldError[]>? codes)
    {
        var form = new FormErrors();
        foreach (var (field, errors) in codes ?? new Dictionary<string, FieldError[]>())
        {
            form.Add(field, string.Join(" ", errors.Select(Messages.Field)));
        }

        return form;
    }

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var earlier) ? earlier + " " + message : message;

    public string? For(string field) => _errors.GetValueOrDefault(field);
}
