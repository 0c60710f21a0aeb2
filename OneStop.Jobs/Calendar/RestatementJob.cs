using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Jobs.Sla;
using OneStop.Persistence;
using OneStop.Sla;

namespace OneStop.Jobs.Calendar;

/// <summary>
/// Calendar restatement: after a notice is added or corrected, recomputes the statutory due of every open
/// dossier under the calendar in force (<see cref="Dossier.Restate"/>); each dossier whose due or calendar
/// status changed gets one <c>DeadlineRestated</c> event and one report row, saved together. Provisional
/// deadlines become official. When the appointment followed the due and moved with it, the citizen is told
/// (the event's <c>AppointmentMoved</c> notice, <see cref="OneStop.Notifications.CitizenNoticeRule"/>). Idempotent: a
/// second run finds every due already equal and changes nothing.
/// </summary>
public sealed class RestatementJob(
    IServiceScopeFactory scopes,
    IClock clock,
    WorkingCalendarProvider calendars,
    IOptions<OfficeHoursOptions> officeHours,
    IOptions<SlaOptions> options,
    ILogger<RestatementJob> logger)
{
    /// <summary>Restates every open dossier; returns how many were restated.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var calculator = new DeadlineCalculator(calendars.Current);
        AgencyHours hours;
        await using (var scope = scopes.CreateAsyncScope())
        {
            hours = await AgencyHours.LoadAsync(scope.ServiceProvider.GetRequiredService<OneStopDbContext>(), officeHours.Value.ToOfficeHours(), cancellationToken);
        }

        var restated = 0;
        var after = Guid.Empty;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var cursor = after;
            var batch = await db.Dossiers
                .Where(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess) && d.Id.CompareTo(cursor) > 0)
                .OrderBy(d => d.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return restated;
            }

            after = batch[^1].Id;
            foreach (var dossier in batch)
            {
                try
                {
                    var before = dossier.StatutoryDueAt;
                    if (dossier.Restate(DossierAction.Now(SlaCheckJob.Actor, now), calculator, hours.Of(dossier.AgencyId)))
                    {
                        db.Restatements.Add(new RestatementRecord(dossier.Id, dossier.Code, dossier.AgencyId, dossier.EventCount, before, dossier.StatutoryDueAt, dossier.DueCalendarStatus, now));
                        restated++;
                    }
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    logger.LogError(e, "Restatement of dossier {Code} failed", dossier.Code);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
