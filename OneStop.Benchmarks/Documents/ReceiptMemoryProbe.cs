using System.Diagnostics;
using System.Globalization;
using OneStop.Api.Documents;

namespace OneStop.Benchmarks.Documents;

/// <summary>
/// The peak working set (managed and native: SkiaSharp's PDF buffers are native) of 100 receipts rendered by
/// 100 threads released together, which BenchmarkDotNet's MemoryDiagnoser cannot see.
/// </summary>
internal static class ReceiptMemoryProbe
{
    public const string Command = "receipt-memory";

    public static void Run()
    {
        using var fonts = DocumentFonts.Load(new DocumentOptions());
        var renderer = new ReceiptFormRenderer(fonts);
        var sizes = new int[100];
        sizes[0] = renderer.Render(ReceiptRenderingBenchmarks.SampleReceipt()).Length;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;

        using var start = new Barrier(sizes.Length);
        var threads = Enumerable.Range(0, sizes.Length).Select(i => new Thread(() =>
        {
            var form = ReceiptRenderingBenchmarks.SampleReceipt(i + 1);
            start.SignalAndWait();
            sizes[i] = renderer.Render(form).Length;
        })).ToList();
        var watch = Stopwatch.StartNew();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        watch.Stop();
        process.Refresh();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"100 receipts on 100 threads: {watch.Elapsed.TotalMilliseconds:N0} ms; working set before {before / 1048576.0:N1} MB, peak {process.PeakWorkingSet64 / 1048576.0:N1} MB; PDF {sizes.Average() / 1024:N1} KB each"));
    }
}
