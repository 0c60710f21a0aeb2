namespace OneStop.Calendar;

/// <summary>
/// The floating-point astronomy behind <see cref="VietnameseLunarCalendar"/>: Hồ Ngọc Đức's
/// published algorithm (after Meeus, "Astronomical Algorithms"), transcribed term for term so that
/// its results match his tables. Day numbers are Julian day numbers (1900-01-01 is 2415021); a
/// "day" is a local civil day in the time zone passed in hours (7.0 for Vietnam).
/// </summary>
/// <remarks>Nothing else in the solution should do floating-point calendar arithmetic.</remarks>
internal static class LunarAstronomy
{
    /// <summary>Mean synodic month in days, as in the published code.</summary>
    private const double SynodicMonth = 29.530588853;

    /// <summary>Julian day of new moon number 0 (1900-01-01 13:52 UT) in the published code.</summary>
    private const double NewMoonEpoch = 2415021.076998695;

    private const double Radians = Math.PI / 180;

    /// <summary>
    /// Julian day number of a proleptic Gregorian date. Unlike the published code this never
    /// switches to the Julian calendar before 1582: NodaTime's ISO calendar is proleptic.
    /// </summary>
    internal static int JulianDayNumber(int year, int month, int day)
    {
        var a = (14 - month) / 12;
        var y = year + 4800 - a;
        var m = month + (12 * a) - 3;
        return day + (((153 * m) + 2) / 5) + (365 * y) + (y / 4) - (y / 100) + (y / 400) - 32045;
    }

    /// <summary>The proleptic Gregorian (year, month, day) of a positive Julian day number.</summary>
    internal static (int Year, int Month, int Day) GregorianDate(int julianDayNumber)
    {
        var a = julianDayNumber + 32044;
        var b = ((4 * a) + 3) / 146097;
        var c = a - (b * 146097 / 4);
        var d = ((4 * c) + 3) / 1461;
        var e = c - (1461 * d / 4);
        var m = ((5 * e) + 2) / 153;
        return (
            (b * 100) + d - 4800 + (m / 10),
            m + 3 - (12 * (m / 10)),
            e - (((153 * m) + 2) / 5) + 1);
    }

    /// <summary>Julian day (UT, fractional) of new moon number <paramref name="k"/> counted from 1900-01-01.</summary>
    internal static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries from 1900 January 0.5
        var t2 = t * t;
        var t3 = t2 * t;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * Radians); // mean new moon
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3); // sun's mean anomaly
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3); // moon's mean anomaly
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3); // moon's argument of latitude
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * Radians)) + (0.0021 * Math.Sin(2 * Radians * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * Radians)) + (0.0161 * Math.Sin(Radians * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(Radians * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(Radians * 2 * f)) - (0.0051 * Math.Sin(Radians * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(Radians * (m - mpr))) + (0.0004 * Math.Sin(Radians * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(Radians * ((2 * f) - m))) - (0.0006 * Math.Sin(Radians * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(Radians * ((2 * f) - mpr))) + (0.0005 * Math.Sin(Radians * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, in [0, 2π), at fractional Julian day <paramref name="julianDay"/> (UT).</summary>
    internal static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525; // Julian centuries from 2000-01-01 12:00 UT
        var t2 = t * t;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2); // mean anomaly
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2); // mean longitude
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(Radians * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(Radians * 2 * m)) + (0.000290 * Math.Sin(Radians * 3 * m));
        var l = (l0 + dl) * Radians;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }

    /// <summary>The local day (Julian day number) on which new moon <paramref name="k"/> falls.</summary>
    internal static int NewMoonDay(int k, double timeZone) =>
        (int)Math.Floor(NewMoon(k) + 0.5 + (timeZone / 24));

    /// <summary>
    /// The 30° sector (0..11) of the sun's longitude at local midnight starting day
    /// <paramref name="dayNumber"/>; sector 9 starts at the winter solstice (270°). A month holds a
    /// major solar term exactly when the sector at its first day differs from the next month's.
    /// </summary>
    internal static int SunLongitudeSector(int dayNumber, double timeZone) =>
        (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (timeZone / 24)) / Math.PI * 6);

    /// <summary>The index k of the new moon nearest to local day <paramref name="dayNumber"/>.</summary>
    internal static int NewMoonIndex(int dayNumber) =>
        (int)Math.Floor(((dayNumber - NewMoonEpoch) / SynodicMonth) + 0.5);

    /// <summary>
    /// The first day of lunar month 11 that contains the winter solstice of Gregorian
    /// <paramref name="year"/>: the last new moon day on or before 31 December whose sun sector
    /// is below 9, stepping back one month otherwise.
    /// </summary>
    internal static int LunarMonth11(int year, double timeZone)
    {
        var off = JulianDayNumber(year, 12, 31) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var newMoonDay = NewMoonDay(k, timeZone);
        return SunLongitudeSector(newMoonDay, timeZone) >= 9 ? NewMoonDay(k - 1, timeZone) : newMoonDay;
    }

    /// <summary>
    /// In a 13-month year starting at month 11 on day <paramref name="month11Start"/>, the offset
    /// (1..12) of the leap month: the first month after month 11 without a major solar term.
    /// </summary>
    internal static int LeapMonthOffset(int month11Start, double timeZone)
    {
        var k = NewMoonIndex(month11Start);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i, timeZone), timeZone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i, timeZone), timeZone);
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
