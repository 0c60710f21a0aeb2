using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Administration;

/// <summary>
/// Undelivered notices (administrators, for dossiers of agencies in their subtree): notices nobody could be
/// reached for (no member of staff in the role with an e-mail address up the agency tree, a citizen who gave no
/// address) or given up after failed sends. Once the cause is fixed (an address given in the users' page), an
/// administrator sends one again; the dispatcher takes it on its next run.
/// </summary>
public static class NoticeAdminEndpoints
{
    /// <summary>The 409 code of a resend of a notice that is not undelivered (sent, or already queued again).</summary>
    public const string NotUndelivered = "notice-not-undelivered";

    public static IEndpointRouteBuilder MapNoticeAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/notices").WithTags("Administration: notices")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/undelivered", Undelivered);
        group.MapPost("/{id:guid}/resend", Resend);
        return app;
    }

    /// <summary>Undelivered notices of the subtree, staff notices first, newest first.</summary>
    public static async Task<Ok<IReadOnlyList<UndeliveredNoticeResponse>>> Undelivered(OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var rows = await (
            from m in db.OutboxMessages.AsNoTracking()
            join a in db.Agencies on m.AgencyId equals a.Id
            where m.UndeliveredAt != null && a.Path.StartsWith(member.AgencyPath)
            select new { Message = m, a.ElectronicId })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UndeliveredNoticeResponse>>(rows
            .OrderBy(r => r.Message.Audience == NoticeAudience.Citizen).ThenByDescending(r => r.Message.UndeliveredAt).ThenBy(r => r.Message.Id)
            .Select(r => new UndeliveredNoticeResponse(
                r.Message.Id, r.Message.DossierCode, r.ElectronicId, r.Message.Kind, r.Message.Threshold, r.Message.Audience, r.Message.Unit,
                r.Message.Subject, r.Message.CreatedAt, r.Message.UndeliveredAt!.Value, r.Message.LastError ?? string.Empty, r.Message.Attempts))
            .ToList());
    }

    /// <summary>Queues an undelivered notice again, now.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> Resend(Guid id, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var message = await (
            from m in db.OutboxMessages
            join a in db.Agencies on m.AgencyId equals a.Id
            where m.Id == id && a.Path.StartsWith(member.AgencyPath)
            select m).SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return AdminResults.NotFound("notice " + id);
        }

        if (message.UndeliveredAt is null || message.SentAt is not null)
        {
            return TypedResults.Problem(
                "Only an undelivered notice is sent again.", statusCode: StatusCodes.Status409Conflict, title: "A business rule forbids this.",
                type: "https://onestop.local/problems/" + NotUndelivered, extensions: new Dictionary<string, object?> { ["code"] = NotUndelivered });
        }

        message.Requeue(clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}

/// <summary>An undelivered notice: which dossier and agency, what and for whom, when, and why nobody got it.</summary>
public sealed record UndeliveredNoticeResponse(
    Guid Id, string DossierCode, string Agency, string Kind, string Threshold, NoticeAudience Audience, string? Unit,
    string Subject, Instant CreatedAt, Instant UndeliveredAt, string Reason, int Attempts);
