using Microsoft.Extensions.Options;
using OneStop.Agencies;
using OneStop.Calendar;

namespace OneStop.Deadlines;

/// <summary>The deadline calculator over the calendar in force, and an agency's office hours.</summary>
public sealed class AgencyDeadlines(WorkingCalendarProvider calendars, IOptions<OfficeHoursOptions> defaults)
{
    private readonly OfficeHours _defaults = defaults.Value.ToOfficeHours();

    /// <summary>A calculator over the current calendar; take one per operation.</summary>
    public DeadlineCalculator Calculator => new(calendars.Current);

    public OfficeHours HoursOf(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return agency.OfficeHoursOr(_defaults);
    }
}
