using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Api.Units;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;

namespace OneStop.Api.Dossiers;

/// <summary>
/// Runs one action on one dossier: finds it in the user's subtree (404 otherwise), checks the declared time,
/// applies the domain method, saves with optimistic concurrency. Nothing is written when any check fails.
/// </summary>
public sealed class DossierActions(DossierStore store, CurrentStaff staff, AgencyDeadlines deadlines, IClock clock, UnitDirectory units)
{
    /// <summary>The agencies' unit catalogues, for actions that name a unit.</summary>
    public UnitDirectory Units => units;

    public Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> RunAsync(
        string code, string? occurredAt, Validation validation, Action<Dossier, Agency, DossierAction, ActionContext> apply, CancellationToken cancellationToken) =>
        RunAsync(code, occurredAt, validation, (_, _) => Task.CompletedTask, apply, cancellationToken);

    /// <summary>As the other overload; <paramref name="check"/> validates against the dossier's agency (e.g. its units) before anything applies.</summary>
    public async Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> RunAsync(
        string code, string? occurredAt, Validation validation, Func<Agency, Validation, Task> check, Action<Dossier, Agency, DossierAction, ActionContext> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(apply);
        if (await store.FindAsync(code, cancellationToken) is not var (dossier, agency))
        {
            return DossierEndpoints.NotFound(code);
        }

        var member = await staff.GetAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var declared = InputRules.OccurredAt(occurredAt, now, dossier.AcceptedAt, validation);
        await check(agency, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        try
        {
            apply(dossier, agency, new DossierAction(member.UserName, now, declared), new ActionContext(member, deadlines.Calculator, deadlines));
        }
        catch (InvalidInputException e)
        {
            return Validation.Problem(e.Field, e.Code, e.Message);
        }

        // The answer is built before the commit, so the commit is the last thing that can fail: a request answered
        // 5xx has written nothing.
        var response = DossierStateResponse.From(dossier);
        await store.SaveAsync(cancellationToken);
        return TypedResults.Ok(response);
    }
}

/// <summary>What an action may need besides the dossier.</summary>
public sealed record ActionContext(StaffMember Member, DeadlineCalculator Calculator, AgencyDeadlines Deadlines)
{
    public OfficeHours HoursOf(Agency agency) => Deadlines.HoursOf(agency);
}

/// <summary>Bad input found only once the dossier is loaded; becomes a 400 naming the field.</summary>
public sealed class InvalidInputException(string field, string code, string message) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>The error's stable code (<see cref="ValidationCodes"/>).</summary>
    public string Code { get; } = code;
}
