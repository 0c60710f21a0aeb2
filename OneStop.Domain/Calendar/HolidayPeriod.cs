namespace OneStop.Calendar;

/// <summary>
/// A statutory holiday period of a year: the unit that a government notice fixes (Labour Code 2019 art. 112).
/// </summary>
public enum HolidayPeriod
{
    /// <summary>Tết Dương lịch, 1 January.</summary>
    NewYear,

    /// <summary>Tết Nguyên đán, the lunar new year.</summary>
    LunarNewYear,

    /// <summary>Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month (from 2007).</summary>
    HungKings,

    /// <summary>30 April and 1 May, announced together.</summary>
    ReunificationAndLabour,

    /// <summary>Quốc khánh, 2 September (plus one adjacent day from 2021).</summary>
    NationalDay,
}
