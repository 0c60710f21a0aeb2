using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Api.Deadlines;

/// <summary>Deadline arithmetic for anyone who wants to check a date: public and read-only.</summary>
public static class DeadlineEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/deadlines/preview", Preview).WithTags("Deadlines").WithName("PreviewDeadline").AllowAnonymous();
        return app;
    }

    /// <summary>The counting start and due instant of a dossier accepted at a given instant, with the default office hours.</summary>
    public static Results<Ok<DeadlinePreviewResponse>, ValidationProblem> Preview(
        DeadlinePreviewRequest request, WorkingCalendarProvider calendars, IOptions<OfficeHoursOptions> officeHours)
    {
        var validation = new Validation();
        var acceptedAt = InputPolicy.Instant(request.AcceptedAt, "acceptedAt", validation);
        if (acceptedAt is null && validation.IsValid)
        {
            validation.Add("acceptedAt", "Required: an ISO 8601 date and time with its offset, e.g. 2025-01-24T15:01:00+07:00.");
        }

        var amount = request.Duration?.Amount;
        var unit = request.Duration?.Unit;
        if (amount is null or < 0 or > 10_000)
        {
            validation.Add("duration.amount", "Required: a whole number from 0 to 10000.");
        }

        if (unit is null || !Enum.IsDefined(unit.Value))
        {
            validation.Add("duration.unit", "Required: WorkingDays, WorkingHours, SameDay or CalendarDays.");
        }
        else if (unit == DurationUnit.SameDay && amount > 1)
        {
            validation.Add("duration.amount", "A same-day processing time has amount 0 or 1.");
        }

        if (request.Mode is { } mode && !Enum.IsDefined(mode))
        {
            validation.Add("mode", "WorkingHours or CivilCode.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        Deadline deadline;
        try
        {
            deadline = new DeadlineCalculator(calendars.Current).Compute(
                acceptedAt!.Value, new ProcessingTime(amount!.Value, unit!.Value), officeHours.Value.ToOfficeHours(), request.Mode ?? CountingMode.WorkingHours);
        }
        catch (ArgumentOutOfRangeException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["duration.amount"] = ["The due date would fall after 2199-12-31."],
            });
        }

        return TypedResults.Ok(new DeadlinePreviewResponse(
            OfficeTime.FormatIso(deadline.CountingStartsAt), OfficeTime.FormatIso(deadline.DueAt), deadline.CalendarStatus.ToString().ToLowerInvariant()));
    }
}
