using BenchmarkDotNet.Attributes;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Benchmarks.Calendar;

/// <summary>
/// Adding working days and working hours to 1,000,000 random (start instant, amount) pairs over 2000–2100,
/// against a plain day-by-day loop over a <see cref="HashSet{T}"/> of days off (the baseline).
/// Run: <c>dotnet run -c Release --project OneStop.Benchmarks -- --filter *WorkingTime*</c>.
/// </summary>
[MemoryDiagnoser]
public class WorkingTimeBenchmarks
{
    private const int Pairs = 1_000_000;

    private DeadlineCalculator _calculator = null!;
    private Instant[] _starts = null!;
    private int[] _days = null!;
    private int[] _hours = null!;
    private LocalDate[] _startDates = null!;
    private WorkingTimeIndex _index = null!;
    private HashSet<LocalDate> _weekdaysOff = null!;
    private HashSet<LocalDate> _weekendsWorked = null!;

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
            _days[i] = random.Next(1, 61);
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
    public long AddWorkingDaysDayByDay()
    {
        long sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += LoopDue(_starts[i], _days[i]).ToUnixTimeTicks();
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

        for (var left = days; left > 0;)
        {
            date = date.PlusDays(1);
            if (IsWorking(date))
            {
                left--;
            }
        }

        return OfficeTime.ToInstant(date.At(time));
    }

    private bool IsWorking(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? _weekendsWorked.Contains(date) : !_weekdaysOff.Contains(date);

    private void CheckBaselineAgrees()
    {
        for (var i = 0; i < 10_000; i++)
        {
            var local = OfficeTime.ToLocal(_starts[i]);
            var time = local.TimeOfDay;
            var insideSession = IsWorking(local.Date) && ((time > new LocalTime(7, 30) && time < new LocalTime(11, 30)) || (time > new LocalTime(13, 0) && time <= new LocalTime(15, 0)));
            if (!insideSession)
            {
                continue;
            }

            var indexed = _calculator.Compute(_starts[i], new ProcessingTime(_days[i], DurationUnit.WorkingDays), OfficeHours.Default, CountingMode.WorkingHours).DueAt;
            if (indexed != LoopDue(_starts[i], _days[i]))
            {
                throw new InvalidOperationException($"The index and the loop disagree for {_starts[i]} + {_days[i]} working days.");
            }
        }
    }
}
