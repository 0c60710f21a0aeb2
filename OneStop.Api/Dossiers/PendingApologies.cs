using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Dossiers;

/// <summary>
/// The Form 04 drafts waiting for the head of the agency, across the member's agency subtree, the oldest draft first
/// (<c>GET /api/apologies/pending</c>, and the heads' page). All of them: at most one is pending per open dossier.
/// </summary>
public sealed class PendingApologies(OneStopDbContext db, CurrentStaff staff)
{
    public static IEndpointRouteBuilder MapPendingApologyEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/apologies/pending", List).WithTags("Dossiers")
            .RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Head, Roles.Supervisor, Roles.Admin));
        return app;
    }

    /// <summary>Drafted apologies (Form 04) still waiting for the head's approval or rejection.</summary>
    public static async Task<Ok<IReadOnlyList<PendingApologyResponse>>> List(PendingApologies pending, CancellationToken cancellationToken)
    {
        var drafts = await pending.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PendingApologyResponse>>(drafts.Select(d => new PendingApologyResponse(
            d.Id, d.DossierCode, d.ProcedureName, d.ApplicantName, d.Reason, OfficeTime.FormatIso(d.NewAppointmentAt), OfficeTime.FormatIso(d.AppointmentAt),
            OfficeTime.FormatIso(d.StatutoryDueAt), d.RequestedBy, d.RequestedByName, OfficeTime.FormatIso(d.RequestedAt))).ToList());
    }

    public async Task<IReadOnlyList<PendingApology>> ListAsync(CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var rows = await (
            from ap in db.Apologies.AsNoTracking()
            where ap.Status == ApologyStatus.Pending
            join d in db.Dossiers on ap.DossierId equals d.Id
            join a in db.Agencies on d.AgencyId equals a.Id
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where a.Path.StartsWith(member.AgencyPath)
            join u in db.Users on ap.RequestedBy equals u.UserName into users
            from u in users.DefaultIfEmpty()
            orderby ap.RequestedAt
            select new PendingApology(
                ap.Id, d.Code, p.Name, d.Applicant.FullName, ap.Reason, ap.NewAppointmentAt, d.AppointmentAt, d.StatutoryDueAt,
                ap.RequestedBy, u == null ? ap.RequestedBy : u.FullName, ap.RequestedAt, d.Status))
            .ToListAsync(cancellationToken);
        return rows.Where(r => !r.Status.IsTerminal()).ToList();
    }
}

/// <summary>A pending draft with what the head needs to decide on it.</summary>
public sealed record PendingApology(
    Guid Id, string DossierCode, string ProcedureName, string ApplicantName, string Reason, Instant NewAppointmentAt, Instant AppointmentAt,
    Instant StatutoryDueAt, string RequestedBy, string RequestedByName, Instant RequestedAt, DossierStatus Status);

public sealed record PendingApologyResponse(
    Guid Id, string DossierCode, string ProcedureName, string ApplicantName, string Reason, string NewAppointmentAt, string AppointmentAt,
    string StatutoryDueAt, string RequestedBy, string RequestedByName, string RequestedAt);
