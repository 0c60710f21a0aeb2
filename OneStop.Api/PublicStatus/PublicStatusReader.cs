using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.PublicStatus;

/// <summary>
/// Reads <see cref="PublicDossierFacts"/> of a code, through the cache. Withdrawn dossiers are hidden: they read
/// as null, exactly like a code that does not exist.
/// </summary>
/// <remarks>The database context is resolved only on a cache miss: a hit costs no context.</remarks>
public sealed class PublicStatusReader(IServiceProvider services, PublicStatusCache cache, AgencyDeadlines deadlines)
{
    /// <summary>The facts of <paramref name="typedCode"/> (any case, any surrounding spaces); null when unknown or hidden.</summary>
    public ValueTask<PublicDossierFacts?> FindAsync(string? typedCode, CancellationToken cancellationToken)
    {
        var code = PublicCode.Normalize(typedCode);
        return code is null ? ValueTask.FromResult<PublicDossierFacts?>(null) : cache.GetOrLoadAsync(code, LoadAsync, cancellationToken);
    }

    private async Task<PublicDossierFacts?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OneStopDbContext>();
        var found = await (
            from d in db.Dossiers.AsNoTracking()
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            join a in db.Agencies on d.AgencyId equals a.Id
            where d.Code == code
            select new { d.Id, d.Code, p.Name, d.Status, d.AppointmentAt, d.StatutoryDueAt, d.ResultReadyAt, d.ClosedAt, d.SupplementDueAt, Agency = a })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Status == DossierStatus.Withdrawn)
        {
            return null;
        }

        var hours = deadlines.HoursOf(found.Agency);
        PublicSupplement? supplement = null;
        if (found.Status == DossierStatus.AwaitingSupplement)
        {
            var request = await db.SupplementRequests.AsNoTracking().Where(r => r.DossierId == found.Id)
                .OrderByDescending(r => r.Number).FirstAsync(cancellationToken);
            // The date to bring it by is the procedure's time for the citizen (Dossier.SupplementDueAt, set at the
            // request); a procedure without one sets no date, and none is invented here.
            var bringBy = found.SupplementDueAt;
            var items = request.MissingDocuments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            supplement = new PublicSupplement(items.Length > 0 ? items : [request.Reason], request.Reason, request.RequestedAt, bringBy);
        }

        var apology = await db.Apologies.AsNoTracking().Where(a => a.DossierId == found.Id && a.Status == ApologyStatus.Approved)
            .OrderByDescending(a => a.ApprovedAt).Select(a => new PublicApology(a.NewAppointmentAt, a.Reason)).FirstOrDefaultAsync(cancellationToken);

        string? reason = null;
        if (found.Status is DossierStatus.Refused or DossierStatus.Stopped)
        {
            var kind = found.Status == DossierStatus.Refused ? DossierEventKind.Refused : DossierEventKind.Stopped;
            var details = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == found.Id && e.Kind == kind)
                .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync(cancellationToken);
            reason = EventDetails.Read(details).GetValueOrDefault("reason");
        }

        var rated = found.Status == DossierStatus.Returned && await db.CitizenRatings.AnyAsync(r => r.DossierId == found.Id, cancellationToken);
        return new PublicDossierFacts(
            found.Code, found.Name, found.Status, found.AppointmentAt, found.StatutoryDueAt, found.ResultReadyAt, found.ClosedAt,
            supplement, apology, reason, ContactOf(found.Agency, hours), rated);
    }

    /// <summary>The contact block: the agency's desk, its address and phone, and its reception hours from its office hours.</summary>
    public static PublicContact ContactOf(Agency agency, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(hours);
        var lines = new List<string> { "Thứ Hai đến thứ Sáu: " + Sessions(hours.Sessions) };
        if (hours.SaturdayReception.Count > 0)
        {
            lines.Add("Thứ Bảy (chỉ tiếp nhận, trả kết quả): " + Sessions(hours.SaturdayReception));
        }

        lines.Add("trừ ngày nghỉ lễ, Tết");
        return new PublicContact(agency.Name, Dossier.DeskUnit, agency.Address, agency.Phone, lines);
    }

    private static string Sessions(IEnumerable<WorkSession> sessions) =>
        string.Join(", ", sessions.Select(s => s.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + s.End.ToString("HH:mm", CultureInfo.InvariantCulture)));
}
