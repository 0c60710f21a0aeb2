using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using OneStop.Tests.Api.Pages;

namespace OneStop.Tests.Api.Readme;

/// <summary>
/// The README's walk-through is <c>OneStop.Api/curl-tour.sh</c>, run here against the host on a real Kestrel socket;
/// and every curl block of the README is quoted from it, so that the README and the product cannot drift apart.
/// </summary>
public sealed partial class CurlTourTests
{
    /// <summary>The script and the README, copied beside the test assembly (OneStop.Tests.csproj).</summary>
    private static readonly string Tour = Path.Combine(AppContext.BaseDirectory, "Readme", "curl-tour.sh");

    private static readonly string Readme = Path.Combine(AppContext.BaseDirectory, "Readme", "README.md");

    [ShellFact]
    public async Task CurlTour_AgainstTheHostOnKestrel_RunsToTheEndAndSavesAReceiptInLiberationSerif()
    {
        await using var factory = new KestrelApiFactory();
        var address = factory.Start().ToString().TrimEnd('/');

        var (exitCode, output) = await RunAsync(ShellTools.Find("bash")!, [Tour, address]);

        Assert.True(exitCode == 0, $"the tour stopped ({exitCode}):\n{output}");
        var done = TourDone().Match(output);
        Assert.True(done.Success, output);
        var folder = done.Groups["folder"].Value;
        try
        {
            var receipt = await File.ReadAllBytesAsync(Path.Combine(folder, "receipt.pdf"));
            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(receipt, 0, 5), StringComparison.Ordinal);
            Assert.Contains("+LiberationSerif", Encoding.Latin1.GetString(receipt), StringComparison.Ordinal);
            Assert.StartsWith("BEGIN:VCALENDAR", await File.ReadAllTextAsync(Path.Combine(folder, "lich.ics")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The code the API returned was used all along: the second return is the dossier-closed rule, not a 404.
        Assert.Contains("\"code\":\"dossier-closed\"", output, StringComparison.Ordinal);
        Assert.Contains("\"valid\":true", output, StringComparison.Ordinal);
        Assert.Contains("\"documentNumber\":\"Công văn 1234/VPCP-KGVX \\\"Ngày Văn hóa Việt Nam\\\" & nghỉ bù\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_EveryCurlBlock_IsQuotedFromTheTour()
    {
        var tour = File.ReadAllLines(Tour).Select(line => line.TrimEnd()).ToHashSet(StringComparer.Ordinal);
        var blocks = ShellBlock().Matches(File.ReadAllText(Readme)).Select(m => m.Groups["body"].Value)
            .Where(block => CurlCommand().IsMatch(block))
            .ToList();

        Assert.True(blocks.Count >= 3, $"{blocks.Count} curl blocks");
        var foreign = blocks.SelectMany(block => block.Split('\n'))
            .Select(line => line.TrimEnd())
            .Where(line => line.Length > 0 && !tour.Contains(line))
            .ToList();
        Assert.True(foreign.Count == 0, "README lines in curl blocks that are not in OneStop.Api/curl-tour.sh:\n" + string.Join('\n', foreign));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"^tour done: dossier \S+, files in (?<folder>\S+)$", RegexOptions.Multiline)]
    private static partial Regex TourDone();

    /// <summary>A curl command, or one of the tour's helpers around it (<c>call</c>, <c>token</c>).</summary>
    [GeneratedRegex(@"(^|[\s($])(curl|call|token)\s", RegexOptions.Multiline)]
    private static partial Regex CurlCommand();

    [GeneratedRegex(@"^```sh\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
