using System.Diagnostics;
using System.Security.Cryptography;

namespace OneStop.Tests.Api.Documents;

/// <summary>
/// A form is the same bytes on every machine for the same dossier and clock: the faces are embedded, the PDF has no
/// creation date, and nothing of the machine (fonts, time zone, culture) enters the layout.
/// </summary>
public sealed class FormBytesTests
{
    /// <summary>
    /// SHA-256 of each sample form. A hash changes when the forms' layout or text, the sample models, the embedded
    /// faces or SkiaSharp change, and then is updated here with the change; never with the machine the tests run on.
    /// </summary>
    private static readonly Dictionary<string, string> ReferenceHashes = new()
    {
        ["01-receipt.pdf"] = "4e4d75fdd0eb9a6f6da9cd3803c5c4148489fa14b1390238abab1a59bcacdf91",
        ["02-supplement-request.pdf"] = "214c2c176932ab8e079d004ca5752d55cd9ba5784866decfca09549cfcf5e161",
        ["03-refusal.pdf"] = "17e91517cec1349d0c3de841bdfb69e0e9c8cd8c9e177b19b1523b23a656f919",
        ["04-apology.pdf"] = "563b4a0a41dee316c3f76f6fc5e2b8cbad66254771ccce087ec704d4077d74e8",
        ["05-control-sheet.pdf"] = "db2e3fe1724ed4793674572a8bc6bf7f8af86a5cd2f1114e5a2dc44675b1163b",
        ["06-tracking-book.pdf"] = "d7efd041767ff9986aebf1aae523a0bda8ea4cbd1edb574007efc5fabb334a30",
        ["07-stop-notice.pdf"] = "10f52794ffc73a95a6981eced786f11e16c9690f7436600683115316e9b7e8df",
    };

    [Fact]
    public void Render_EverySampleForm_MatchesItsReferenceHash()
    {
        var hashes = SampleForms.Render(DocumentSamples.Fonts).ToDictionary(f => f.Key, f => Convert.ToHexStringLower(SHA256.HashData(f.Value)));

        Assert.Equal(ReferenceHashes.OrderBy(h => h.Key, StringComparer.Ordinal), hashes.OrderBy(h => h.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Render_EverySampleFormInTwoOtherProcesses_GivesTheSameBytesAsHere()
    {
        var root = Directory.CreateTempSubdirectory("onestop-forms-");
        try
        {
            var first = Path.Combine(root.FullName, "first");
            var second = Path.Combine(root.FullName, "second");
            await Task.WhenAll(RenderInChildProcessAsync(first), RenderInChildProcessAsync(second));

            foreach (var (name, bytes) in SampleForms.Render(DocumentSamples.Fonts))
            {
                Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(first, name)));
                Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(second, name)));
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>Runs <c>dotnet exec OneStop.Tests.dll render-samples &lt;folder&gt;</c> (see <see cref="SampleForms.Main"/>).</summary>
    private static async Task RenderInChildProcessAsync(string folder)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", typeof(SampleForms).Assembly.Location, SampleForms.Command, folder])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"render-samples exited with {process.ExitCode}: {await output} {await error}");
    }

    /// <summary>The dotnet host running the tests: DOTNET_HOST_PATH (set by the SDK), this process when it is dotnet, else dotnet on PATH.</summary>
    internal static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
