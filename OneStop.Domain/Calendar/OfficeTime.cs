using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace OneStop.Calendar;

/// <summary>
/// The offices' time zone, Asia/Ho_Chi_Minh, and fast conversions between instants and office local time.
/// </summary>
/// <remarks>
/// Asia/Ho_Chi_Minh has kept a fixed +07:00 offset since 13 June 1975. Instants after the zone's last
/// transition convert with plain arithmetic; earlier ones go through the zone's rules. Nothing here reads the
/// machine's own time zone.
/// </remarks>
public static class OfficeTime
{
    /// <summary>The IANA id of the offices' zone.</summary>
    public const string ZoneId = "Asia/Ho_Chi_Minh";

#pragma warning disable RS0030 // the one place that names the time-zone database
    /// <summary>Asia/Ho_Chi_Minh from the tz database shipped with NodaTime.</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[ZoneId];
#pragma warning restore RS0030

    private static readonly ZoneInterval FixedInterval = Zone.GetZoneInterval(Instant.MaxValue);

    /// <summary>The offset in force since the zone's last transition (+07:00).</summary>
    public static Offset FixedOffset => FixedInterval.WallOffset;

    /// <summary>Office local date and time of an instant.</summary>
    public static LocalDateTime ToLocal(Instant instant) =>
        FixedInterval.HasStart && instant >= FixedInterval.Start
            ? instant.WithOffset(FixedInterval.WallOffset).LocalDateTime
            : instant.InZone(Zone).LocalDateTime;

    /// <summary>
    /// The instant of an office local date and time. A local time skipped by a transition (only before 1976)
    /// maps to the instant just after the gap; an ambiguous one to its earlier instant.
    /// </summary>
    public static Instant ToInstant(LocalDateTime local)
    {
        var fixedStart = FixedInterval.HasStart ? FixedInterval.IsoLocalStart : LocalDateTime.MinIsoValue;
        return local >= fixedStart
            ? local.WithOffset(FixedInterval.WallOffset).ToInstant()
            : local.InZoneLeniently(Zone).ToInstant();
    }

    /// <summary>ISO 8601 with seconds and a full offset: 2025-01-24T15:01:00+07:00.</summary>
    public static readonly OffsetDateTimePattern IsoPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>An instant in office time with its offset.</summary>
    public static OffsetDateTime ToOffsetDateTime(Instant instant) => instant.InZone(Zone).ToOffsetDateTime();

    /// <summary>An instant as the API writes it: office time with its offset, e.g. 2025-01-24T15:01:00+07:00.</summary>
    public static string FormatIso(Instant instant) => IsoPattern.Format(ToOffsetDateTime(instant));

    /// <summary>An instant as Vietnamese text says it, office time: "07:30 ngày 03/12/2026" (pages and notices).</summary>
    public static string FormatVietnamese(Instant instant) =>
        ToLocal(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    // Seconds of office local time since 1900-01-01T00:00, the deadline engine's scale.
    private const long SecondsPerDay = 86_400;
    private const long UnixEpochLocalSecond = DayIndex.UnixEpochIndex * SecondsPerDay;
    private static readonly int FixedOffsetSeconds = FixedInterval.WallOffset.Seconds;
    private static readonly long FixedStartUnixSecond =
        FixedInterval.HasStart ? FixedInterval.Start.ToUnixTimeSeconds() : long.MinValue;

    // The last unix day touched by the zone's last transition: instants on later days convert by arithmetic.
    private static readonly long FixedStartUnixDay =
        FixedInterval.HasStart ? (long)Math.Floor(FixedStartUnixSecond / (double)SecondsPerDay) : long.MinValue;
    private static readonly long FixedStartLocalSecond =
        FixedInterval.HasStart ? FixedStartUnixSecond + FixedOffsetSeconds + UnixEpochLocalSecond : long.MinValue;

    /// <summary>
    /// The office local day (days since 1900-01-01; negative or past 2199 for far instants) and second of the day of
    /// an instant. Inlined: since 1975 plain arithmetic on the instant's own day and time of day (one division); the
    /// zone's rules only for earlier instants.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (long Day, int Second) ToLocalDay(Instant instant)
    {
        var sinceEpoch = instant - NodaConstants.UnixEpoch;
        if (sinceEpoch.Days > FixedStartUnixDay && sinceEpoch.NanosecondOfDay >= 0)
        {
            // The offset moves the time of day by less than a day, either way.
            var second = (int)(sinceEpoch.NanosecondOfDay / NodaConstants.NanosecondsPerSecond) + FixedOffsetSeconds;
            var shift = BranchFree.LessOrEqual(NodaConstants.SecondsPerDay, second) - BranchFree.Less(second, 0);
            return (sinceEpoch.Days + DayIndex.UnixEpochIndex + shift, second - (shift * NodaConstants.SecondsPerDay));
        }

        var day = Math.DivRem(ToLocalSecondByRules(instant), SecondsPerDay, out var rest);
        return rest < 0 ? (day - 1, (int)(rest + SecondsPerDay)) : (day, (int)rest);
    }

    /// <summary>The instant of office local seconds since 1900-01-01T00:00.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Instant FromLocalSecond(long localSecond) =>
        localSecond >= FixedStartLocalSecond
            ? Instant.FromUnixTimeSeconds(localSecond - UnixEpochLocalSecond - FixedOffsetSeconds)
            : FromLocalSecondByRules(localSecond);

    private static long ToLocalSecondByRules(Instant instant)
    {
        var local = ToLocal(instant);
        return (long)(local.Date.ToDateOnly().DayNumber - WorkingCalendar.MinDate.ToDateOnly().DayNumber) * SecondsPerDay
            + local.TimeOfDay.TickOfDay / NodaConstants.TicksPerSecond;
    }

    private static Instant FromLocalSecondByRules(long localSecond)
    {
        var day = (int)Math.Floor(localSecond / (double)SecondsPerDay);
        var second = localSecond - day * SecondsPerDay;
        return ToInstant(WorkingCalendar.MinDate.PlusDays(day).At(LocalTime.FromSecondsSinceMidnight((int)second)));
    }
}
