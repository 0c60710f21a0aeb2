using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Benchmarks.Calendar;

/// <summary>
/// Adding working days and working hours to 1,000,000 random (start instant, amount) pairs over 2000–2100,
/// each against a plain day-by-day loop over <see cref="HashSet{T}"/>s of days off and make-up days (the
/// baseline of its category): whole deadlines from instants, and dates alone.
/// Run: <c>dotnet run -c Release --project OneStop.Benchmarks -- --filter *WorkingTime*</c>.
/// </summary>
/// <remarks>
/// Amounts are 1..<see cref="MaxWorkingDays"/> working days: 60 covers statutory processing times; 250 (about a
/// year) shows how the loop grows with the amount while the index does not.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class WorkingTimeBenchmarks
{
    private const int Pairs = 1_000_000;
    private const string Deadlines = "Deadline from an instant";
    private const string Dates = "Date arithmetic";

    private DeadlineCalculator _calculator = null!;
    private Instant[] _starts = null!;
    private int[] _days = null!;
    private int[] _hours = null!;
    private LocalDate[] _startDates = null!;
    private WorkingTimeIndex _index = null!;
    private HashSet<LocalDate> _weekdaysOff = null!;
    private HashSet<LocalDate> _weekendsWorked = null!;

    /// <summary>The largest working-day amount drawn.</summary>
    [Params(60, 250)]
    public int MaxWorkingDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var calendar = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed());
        _calculator = new DeadlineCalculator(calendar);
        var random = new Random(20251103);
        var from = Instant.FromUtc(2000, 1, 1, 0, 0).ToUnixTimeSeconds();
        var to = Instant.FromUtc(2100, 1, 1, 0, 0).ToUnixTimeSeconds();
        _starts = new Instant[Pairs];
        _days = new int[Pairs];
        _hours = new int[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            _starts[i] = Instant.FromUnixTimeSeconds(random.NextInt64(from, to) / 60 * 60);
            _days[i] = random.Next(1, MaxWorkingDays + 1);
            _hours[i] = random.Next(1, 241);
        }

        _index = calendar.Index;
        _startDates = _starts.Select(s => OfficeTime.ToLocal(s).Date).ToArray();
        _weekdaysOff = [];
        _weekendsWorked = [];
        for (var year = 1999; year <= 2101; year++)
        {
            var calendarYear = calendar.YearOf(year);
            _weekdaysOff.UnionWith(calendarYear.DaysOff.Select(d => d.Date));
            _weekendsWorked.UnionWith(calendarYear.MakeUpWorkingDays.Select(d => d.Date));
        }

        CheckBaselineAgrees();
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Deadlines)]
    public long AddWorkingDays()
    {
        long sum = 0;
        var hours = OfficeHours.Default;
        for (var i = 0; i < Pairs; i++)
        {
            sum += _calculator.Compute(_starts[i], new ProcessingTime(_days[i], DurationUnit.WorkingDays), hours, CountingMode.WorkingHours).DueAt.ToUnixTimeTicks();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Deadlines)]
    public long AddWorkingHours()
    {
        long sum = 0;
        var hours = OfficeHours.Default;
        for (var i = 0; i < Pairs; i++)
        {
            sum += _calculator.Compute(_starts[i], new ProcessingTime(_hours[i], DurationUnit.WorkingHours), hours, CountingMode.WorkingHours).DueAt.ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary>Date arithmetic alone: the index's N-th working day after a date (no times, cut-off or status).</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Dates)]
    public long AddWorkingDaysToDates()
    {
        long sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += _index.AddWorkingDays(_startDates[i], _days[i]).Day;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Deadlines)]
    public long AddWorkingDaysDayByDay()
    {
        long sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += LoopDue(_starts[i], _days[i]).ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary>The loop on dates alone: the N-th working day after a date.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Dates)]
    public long AddWorkingDaysToDatesDayByDay()
    {
        long sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += LoopAddWorkingDays(_startDates[i], _days[i]).Day;
        }

        return sum;
    }

    /// <summary>
    /// The loop everyone writes first: from the counting start, step one day at a time, N working days, keeping
    /// the time of day. Matches the index for starts inside a session of a working day (checked in setup); from
    /// elsewhere the index ends the last day at 17:00 where the loop says 07:30 the morning after.
    /// </summary>
    private Instant LoopDue(Instant start, int days)
    {
        var local = OfficeTime.ToLocal(start);
        var date = local.Date;
        var time = local.TimeOfDay;
        if (!IsWorking(date) || time > new LocalTime(15, 0) || time >= new LocalTime(17, 0))
        {
            do
            {
                date = date.PlusDays(1);
            }
            while (!IsWorking(date));
            time = new LocalTime(7, 30);
        }
        else if (time < new LocalTime(7, 30))
        {
            time = new LocalTime(7, 30);
        }
        else if (time >= new LocalTime(11, 30) && time < new LocalTime(13, 0))
        {
            time = new LocalTime(13, 0);
        }

        return OfficeTime.ToInstant(LoopAddWorkingDays(date, days).At(time));
    }

    private LocalDate LoopAddWorkingDays(LocalDate date, int days)
    {
        for (var left = days; left > 0;)
        {
            date = date.PlusDays(1);
            if (IsWorking(date))
            {
                left--;
            }
        }

        return date;
    }

    private bool IsWorking(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? _weekendsWorked.Contains(date) : !_weekdaysOff.Contains(date);

    private void CheckBaselineAgrees()
    {
        for (var i = 0; i < 10_000; i++)
        {
            // From a working day both give the N-th working day after it (from a day off the loop's first step
            // lands on the first working day, which the index counts as the 0th).
            var date = _startDates[i];
            if (IsWorking(date) && _index.AddWorkingDays(date, _days[i]) != LoopAddWorkingDays(date, _days[i]))
            {
                throw new InvalidOperationException($"The index and the loop disagree for {date} + {_days[i]} working days.");
            }

            var time = OfficeTime.ToLocal(_starts[i]).TimeOfDay;
            var insideSession = IsWorking(date) && ((time > new LocalTime(7, 30) && time < new LocalTime(11, 30)) || (time > new LocalTime(13, 0) && time <= new LocalTime(15, 0)));
            var indexed = _calculator.Compute(_starts[i], new ProcessingTime(_days[i], DurationUnit.WorkingDays), OfficeHours.Default, CountingMode.WorkingHours).DueAt;
            if (insideSession && indexed != LoopDue(_starts[i], _days[i]))
            {
                throw new InvalidOperationException($"The index and the loop disagree for {_starts[i]} + {_days[i]} working days.");
            }
        }
    }
}
