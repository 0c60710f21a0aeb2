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
        ["01-receipt.pdf"] = "d5f7fe0b90c5805a56174416c728bf7eac7743d52398677bb8d4d8dafa77a4da",
        ["02-supplement-request.pdf"] = "87157057b3cd4a42175705f606b071142d43368fc88e68b0398bb4a7b6338129",
        ["03-refusal.pdf"] = "750d2027aaf490b49dc399524527419903909a3372ee1c01477f2b04b98b4585",
        ["04-apology.pdf"] = "726af77d27976c39a2f61111bb12a0749474664a6a6aa822054067785361cdff",
        ["05-control-sheet.pdf"] = "c0a8b0b5218b6c60a50626335e2ecfcdc8fd64cd69426604fbe8a192c846b301",
        ["06-tracking-book.pdf"] = "68979afcbf5ce671cac42700b54fe1914c9f4f0f95f79a2c2c58312bd2fceb5c",
        ["07-stop-notice.pdf"] = "9b351e8452117e5a284d73bf5616ca3c86e8ae27706bc5ed03e144d1924fc9a2",
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
