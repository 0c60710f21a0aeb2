using Microsoft.EntityFrameworkCore;
using OneStop.Persistence;

namespace OneStop.Api.Desk;

/// <summary>Staff as the pages name them: by full name, read in one query for the user names a page shows.</summary>
public sealed class StaffNames(OneStopDbContext db)
{
    /// <summary>The actor the jobs record (<c>OneStop.Jobs.Sla.SlaCheckJob.Actor</c>).</summary>
    private const string SystemActor = "system";

    /// <summary>A lookup from user name to full name; the system's jobs are "Hệ thống"; an unknown name is kept as written.</summary>
    public async Task<Func<string, string>> ForAsync(IEnumerable<string> userNames, CancellationToken cancellationToken)
    {
        var wanted = userNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && wanted.Contains(u.UserName))
            .Select(u => new { UserName = u.UserName!, u.FullName })
            .ToDictionaryAsync(u => u.UserName, u => u.FullName, StringComparer.Ordinal, cancellationToken);
        return userName => userName == SystemActor ? "Hệ thống"
            : names.TryGetValue(userName, out var full) && full.Length > 0 ? full
            : userName;
    }
}
