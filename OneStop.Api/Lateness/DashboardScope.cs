using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Persistence;

namespace OneStop.Api.Lateness;

/// <summary>
/// The agency subtree and period a supervisor asks about: <c>agency</c> is an electronic id inside their own
/// subtree (default: their agency), <c>from</c> and <c>to</c> are office dates, both included (default: from the
/// first day of the month two months back up to today, so that a quarter's trend is visible early in a month).
/// </summary>
public sealed record DashboardScope(Agency Agency, LocalDate FromDate, LocalDate ToDate)
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public Instant From => OfficeTime.ToInstant(FromDate.AtMidnight());

    /// <summary>Exclusive: the midnight after <see cref="ToDate"/>.</summary>
    public Instant To => OfficeTime.ToInstant(ToDate.PlusDays(1).AtMidnight());

    public static string Format(LocalDate date) => DatePattern.Format(date);

    public static async Task<DashboardScope?> ResolveAsync(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, Validation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(validation);
        var member = await staff.GetAsync(cancellationToken);
        Agency? chosen;
        if (string.IsNullOrWhiteSpace(agency))
        {
            chosen = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == member.AgencyId, cancellationToken);
        }
        else
        {
            chosen = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ElectronicId == agency && a.Path.StartsWith(member.AgencyPath), cancellationToken);
            if (chosen is null)
            {
                validation.Add("agency", "Unknown agency, or not one of yours.");
            }
        }

        var today = OfficeTime.ToLocal(clock.GetCurrentInstant()).Date;
        var fromDate = Date(from, "from", validation) ?? new LocalDate(today.Year, today.Month, 1).PlusMonths(-2);
        var toDate = Date(to, "to", validation) ?? today;
        if (validation.IsValid && toDate < fromDate)
        {
            validation.Add("to", "The period ends before it starts.");
        }

        if (validation.IsValid && Period.Between(fromDate, toDate, PeriodUnits.Days).Days > 3660)
        {
            validation.Add("to", "At most ten years.");
        }

        return validation.IsValid ? new DashboardScope(chosen!, fromDate, toDate) : null;
    }

    private static LocalDate? Date(string? text, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return InputPolicy.Date(text, field, validation);
    }
}
