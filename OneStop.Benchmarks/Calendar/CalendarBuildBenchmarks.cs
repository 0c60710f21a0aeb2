using BenchmarkDotNet.Attributes;
using OneStop.Calendar;

namespace OneStop.Benchmarks.Calendar;

/// <summary>
/// Building the working calendar and its index for 1900–2199 from the seed notices (the lunar table is built
/// once per process and is not part of it). Run: <c>dotnet run -c Release --project OneStop.Benchmarks -- --filter *CalendarBuild*</c>;
/// the index size: <c>dotnet run -c Release --project OneStop.Benchmarks -- index-size</c>.
/// </summary>
[MemoryDiagnoser]
public class CalendarBuildBenchmarks
{
    private IReadOnlyList<CalendarNotice> _notices = null!;

    [GlobalSetup]
    public void Setup() => _notices = CalendarNoticeFile.LoadSeed();

    [Benchmark]
    public WorkingCalendar BuildCalendarAndIndex() => WorkingCalendar.Build(_notices);
}
