using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OneStop.Api.Problems;

/// <summary>
/// Collects field errors for a 400 validation problem. Each error has the API's English message (in <c>errors</c>, as
/// RFC 9457 clients read it) and a stable code from <see cref="ValidationCodes"/> with its arguments (in the problem's
/// <c>codes</c> extension), from which the pages write the message in Vietnamese: never from the English text.
/// </summary>
public sealed class Validation
{
    /// <summary>The name of the problem extension that holds the codes, field by field, in the order of <c>errors</c>.</summary>
    public const string CodesExtension = "codes";

    private readonly Dictionary<string, List<(string Message, FieldError Error)>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>An error of <paramref name="field"/>: its stable code, the English message, the code's arguments.</summary>
    public void Add(string field, string code, string message, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add((message, new FieldError(code, args.Length == 0 ? null : args)));
    }

    /// <summary>An error without a code of its own (<see cref="ValidationCodes.Invalid"/>); give one where a page shows it.</summary>
    public void Add(string field, string message) => Add(field, ValidationCodes.Invalid, message);

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>The codes of the errors, field by field.</summary>
    public IDictionary<string, FieldError[]> Codes => _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Error).ToArray(), StringComparer.Ordinal);

    /// <summary>The 400 answer: <c>errors</c> with the English messages, <c>codes</c> with the stable codes.</summary>
    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(Errors, extensions: new Dictionary<string, object?> { [CodesExtension] = Codes });

    /// <summary>The 400 answer for one error.</summary>
    public static ValidationProblem Problem(string field, string code, string message, params object[] args)
    {
        var validation = new Validation();
        validation.Add(field, code, message, args);
        return validation.Problem();
    }
}

/// <summary>The stable code of a field error and its arguments (a length, a range's bounds), as the <c>codes</c> extension carries them.</summary>
public sealed record FieldError(string Code, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<object>? Args = null);
