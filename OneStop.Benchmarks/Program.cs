using System.Globalization;
using BenchmarkDotNet.Running;
using OneStop.Calendar;

if (args is ["index-size"])
{
    var calendar = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Working-time index for 1900-2199: {calendar.Index.SizeInBytes:N0} bytes"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
