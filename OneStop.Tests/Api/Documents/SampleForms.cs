using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

/// <summary>
/// Every form rendered from <see cref="DocumentSamples"/>, by name; and the test assembly's entry point, which writes
/// them to a folder (<c>dotnet exec OneStop.Tests.dll render-samples &lt;folder&gt;</c>) so that a test can render
/// them in other processes and compare the bytes.
/// </summary>
public static class SampleForms
{
    public const string Command = "render-samples";

    /// <summary>Each form's file name and its bytes, rendered with <paramref name="fonts"/>.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(DocumentFonts fonts) => new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["01-receipt.pdf"] = new ReceiptFormRenderer(fonts).Render(DocumentSamples.Receipt()),
        ["02-supplement-request.pdf"] = new SupplementRequestFormRenderer(fonts).Render(DocumentSamples.SupplementRequest()),
        ["03-refusal.pdf"] = new RefusalFormRenderer(fonts).Render(DocumentSamples.Refusal()),
        ["04-apology.pdf"] = new ApologyFormRenderer(fonts).Render(DocumentSamples.Apology()),
        ["05-control-sheet.pdf"] = new ControlSheetFormRenderer(fonts).Render(DocumentSamples.ControlSheet()),
        ["06-tracking-book.pdf"] = new TrackingBookRenderer(fonts).Render(DocumentSamples.TrackingBook()),
        ["07-stop-notice.pdf"] = new StopNoticeRenderer(fonts).Render(DocumentSamples.StopNotice()),
    };

    /// <summary>The entry point of the test assembly (GenerateProgramFile is off): <c>render-samples &lt;folder&gt;</c>.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [Command, var folder])
        {
            Console.Error.WriteLine($"usage: dotnet exec OneStop.Tests.dll {Command} <folder>");
            return 2;
        }

        Directory.CreateDirectory(folder);
        using var fonts = DocumentFonts.Load(new DocumentOptions());
        foreach (var (name, bytes) in Render(fonts))
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        return 0;
    }
}
