using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Notifications;

/// <summary>
/// Staff are told in office hours only: a staff notice due outside a working session (a night, a Sunday, a
/// holiday) waits for the start of the next one, in the office hours of the agency whose staff receive it.
/// </summary>
public static class QuietHours
{
    /// <summary><paramref name="now"/> when it is inside an office session; otherwise the start of the next one.</summary>
    public static Instant NextSessionMoment(Instant now, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var oneSecondIn = calculator.AddWorkingTime(now, 1, hours) - Duration.FromSeconds(1);
        return oneSecondIn > now ? oneSecondIn : now;
    }
}
