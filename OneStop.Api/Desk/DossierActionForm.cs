using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Dossiers;
using OneStop.Dossiers;

namespace OneStop.Api.Desk;

/// <summary>
/// One action of the dossier page: its address under <c>/quay/ho-so/{code}/</c>, the roles it admits (those of
/// the JSON endpoint it calls), when it is offered, the message after it, and the call into
/// <see cref="DossierEndpoints"/> with the posted form turned into the endpoint's request.
/// </summary>
public sealed record DossierActionForm(
    string Slug,
    string Title,
    string Button,
    string Done,
    string[] Roles,
    Func<Dossier, bool> IsOffered,
    Func<string, PostedForm, DossierActions, CancellationToken, Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>>> Run);

/// <summary>A posted form's fields: blank is null, as the JSON endpoints read a missing property.</summary>
public sealed class PostedForm(IFormCollection form)
{
    public string? this[string name] => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    /// <summary>The declared time of the action (a <c>datetime-local</c> in office time), null for now.</summary>
    public string? OccurredAt => Pages.VietnameseText.FromLocalInput(this["occurredAt"]);
}
