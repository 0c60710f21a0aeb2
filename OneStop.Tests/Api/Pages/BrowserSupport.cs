namespace OneStop.Tests.Api.Pages;

/// <summary>Where the browser tests find Chromium (Debian's package), and why they are skipped when it is missing.</summary>
public static class BrowserSupport
{
    private static readonly Lazy<string?> Found = new(FindChromium);

    /// <summary>Flags for a headless Chromium in a container, without network chatter of its own.</summary>
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Whether tests must fail rather than skip when the browser is missing.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first executable <c>chromium</c> or <c>chromium-browser</c> on PATH (Debian's is <c>/usr/bin/chromium</c>), or null.</summary>
    public static string? ChromiumPath => Found.Value;

    /// <summary>Why the browser tests are skipped here, or null when they run.</summary>
    public static string? SkipReason =>
        ChromiumPath is not null || IsCi
            ? null
            : "Chromium was not found on PATH; install Debian's chromium package to run the browser tests (with CI=true they fail instead).";

    /// <summary>The browser's path; under CI=true without one, the failure that says so.</summary>
    public static string RequireChromium() =>
        ChromiumPath ?? throw new InvalidOperationException("CI=true but Chromium (chromium or chromium-browser) was not found on PATH.");

    private static string? FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string file) =>
        File.Exists(file)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
