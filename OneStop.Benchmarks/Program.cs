using BenchmarkDotNet.Running;

namespace OneStop.Benchmarks;

/// <summary>
/// Entry point. Not top-level statements: those declare a global <c>Program</c> type, which
/// clashes with OneStop.Api's public <c>Program</c> (CS0436) now that the benchmarks reference the Api.
/// </summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
