using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.Notifications;
using OneStop.Persistence;

namespace OneStop.Jobs.Notifications;

/// <summary>
/// <c>/health</c> entry <c>notices</c>: Degraded while a staff notice is undelivered (nobody in its role can be
/// reached, or given up after failed sends), so that a silent escalation ladder shows the day it happens; the
/// administrators' page <c>/quan-tri/thong-bao</c> lists them. Citizens who gave no address are counted in the
/// data but do not degrade the system.
/// </summary>
public sealed class UndeliveredNoticesHealthCheck(OneStopDbContext db) : IHealthCheck
{
    public const string Name = "notices";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = await db.OutboxMessages.AsNoTracking().Where(m => m.UndeliveredAt != null)
            .GroupBy(m => m.Audience == NoticeAudience.Citizen)
            .Select(g => new { Citizen = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var staff = counts.Where(c => !c.Citizen).Sum(c => c.Count);
        var citizens = counts.Where(c => c.Citizen).Sum(c => c.Count);
        var data = new Dictionary<string, object> { ["undeliveredStaffNotices"] = staff, ["undeliveredCitizenNotices"] = citizens };
        return staff == 0
            ? HealthCheckResult.Healthy("Every staff notice reached someone.", data)
            : HealthCheckResult.Degraded($"{staff} staff notice(s) undelivered: see /quan-tri/thong-bao.", data: data);
    }
}
