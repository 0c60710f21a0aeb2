using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Sla;
using OneStop.Users;

namespace OneStop.Api.Desk;

/// <summary>
/// The open dossiers a member of staff works on, by role: an officer with a unit sees the dossiers their unit holds;
/// clerks, heads and officers without a unit see their agency subtree's. Paged with a total (never cut silently),
/// by statutory due; within a page, overdue and due soon first.
/// </summary>
public sealed class DeskQueue(OneStopDbContext db, AgencyDeadlines deadlines, IOptions<DeadlineThresholds> thresholds, IClock clock)
{
    public const int PageSize = 50;

    private static readonly DossierStatus[] OpenStatuses =
        [DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingSupplement, DossierStatus.ResultReady, DossierStatus.NotCollected];

    /// <summary>Whether the queue is narrowed to the member's unit.</summary>
    public static bool IsUnitQueue(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.IsInRole(Roles.Officer) && !member.IsInRole(Roles.Clerk) && !string.IsNullOrWhiteSpace(member.Unit);
    }

    public async Task<DeskQueuePage> LoadAsync(StaffMember member, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = clock.GetCurrentInstant();
        var rows =
            from d in db.Dossiers.AsNoTracking()
            join a in db.Agencies on d.AgencyId equals a.Id
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where a.Path.StartsWith(member.AgencyPath) && OpenStatuses.Contains(d.Status)
            select new { d.Code, d.Status, d.CurrentUnit, d.CountingStartsAt, d.StatutoryDueAt, d.AppointmentAt, Procedure = p.Name, Applicant = d.Applicant.FullName, Agency = a };
        if (IsUnitQueue(member))
        {
            // Hand-overs store the catalogue's name; dossiers handed over before a rename hold a former name.
            var catalogue = await UnitCatalogue.LoadAsync(db, [member.AgencyId], cancellationToken);
            var names = catalogue.Names(member.AgencyId, member.Unit);
            rows = rows.Where(r => names.Contains(r.CurrentUnit));
        }

        var total = await rows.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var found = await rows.OrderBy(r => r.StatutoryDueAt).ThenBy(r => r.Code).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var calculator = deadlines.Calculator;
        var items = found
            .Select(r => new DeskQueueItem(
                r.Code, r.Procedure, r.Applicant, r.Status, r.CurrentUnit, r.StatutoryDueAt, r.AppointmentAt,
                DeskPages.UrgencyOf(r.Status, r.CountingStartsAt, r.StatutoryDueAt, now, thresholds.Value, calculator, deadlines.HoursOf(r.Agency))))
            .OrderBy(x => x.Urgency).ThenBy(x => x.StatutoryDueAt).ToList();
        return new DeskQueuePage(items, total, page, pages, now);
    }
}

public sealed record DeskQueueItem(
    string Code, string Procedure, string Applicant, DossierStatus Status, string CurrentUnit, Instant StatutoryDueAt, Instant AppointmentAt, QueueUrgency Urgency);

public sealed record DeskQueuePage(IReadOnlyList<DeskQueueItem> Items, int Total, int Page, int Pages, Instant Now);
