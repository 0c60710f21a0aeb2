namespace OneStop.Tests.Api.Pages;

/// <summary>Where the browser tests find Debian's Chromium, and why they are skipped when it is missing.</summary>
public static class BrowserSupport
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Flags for a headless Chromium in a container, without network chatter of its own.</summary>
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Whether tests must fail rather than skip when the browser is missing.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsAvailable => File.Exists(ChromiumPath);

    /// <summary>Why the browser tests are skipped here, or null when they run.</summary>
    public static string? SkipReason =>
        IsAvailable || IsCi
            ? null
            : $"Chromium was not found at {ChromiumPath}; install Debian's chromium package to run the browser tests (with CI=true they fail instead).";
}
