using System.Globalization;
using BenchmarkDotNet.Running;
using OneStop.Calendar;

namespace OneStop.Benchmarks;

/// <summary>
/// Entry point. Not top-level statements: those declare a global <c>Program</c> type, which
/// clashes with OneStop.Api's public <c>Program</c> (CS0436) since the benchmarks reference the Api.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["sla-pass", var count])
        {
            await Sla.SlaPassBenchmark.RunAsync(int.Parse(count, CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["sla-pass", var pgCount, "postgres", var connectionString])
        {
            await Sla.SlaPassBenchmark.RunAsync(int.Parse(pgCount, CultureInfo.InvariantCulture), connectionString);
            return;
        }

        if (args is [PublicStatus.StatusLookupLoad.Command, ..] && args.Length <= 4)
        {
            await PublicStatus.StatusLookupLoad.RunAsync(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32,
                args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args is ["index-size"])
        {
            var calendar = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Working-time index for 1900-2199: {calendar.Index.SizeInBytes:N0} bytes"));
            return;
        }

        if (args is [Intake.RegistrationLoad.Command, ..])
        {
            await Intake.RegistrationLoad.RunAsync(args[1..]);
            return;
        }

        if (args is [Intake.PlainInsertServer.Command, var provider, var connection, var url])
        {
            await Intake.PlainInsertServer.RunAsync(Enum.Parse<OneStop.Persistence.DatabaseProvider>(provider), connection, url);
            return;
        }

        if (args is [Lateness.DashboardSummaryBenchmark.Command, ..])
        {
            await Lateness.DashboardSummaryBenchmark.RunAsync(args[1..]);
            return;
        }

        if (args is [Lateness.DashboardScaleBenchmark.Command, ..])
        {
            await Lateness.DashboardScaleBenchmark.RunAsync(args[1..]);
            return;
        }

        if (args is [Documents.ReceiptMemoryProbe.Command])
        {
            Documents.ReceiptMemoryProbe.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
