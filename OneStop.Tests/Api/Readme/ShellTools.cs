namespace OneStop.Tests.Api.Readme;

/// <summary>Where the README's tour finds bash and curl, and why its test is skipped when they are missing.</summary>
public static class ShellTools
{
    /// <summary>Whether the test must fail rather than skip when a tool is missing.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tour cannot run here, or null when it runs.</summary>
    public static string? SkipReason =>
        Missing().ToList() is { Count: > 0 } missing && !IsCi
            ? $"{string.Join(" and ", missing)} not found on PATH; install them to run the README's curl tour (with CI=true it fails instead)."
            : null;

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static IEnumerable<string> Missing() => new[] { "bash", "curl", "sed" }.Where(tool => Find(tool) is null);
}

/// <summary>A fact that runs the README's curl tour: skipped with a reason without bash and curl, except under <c>CI=true</c>.</summary>
public sealed class ShellFactAttribute : FactAttribute
{
    public ShellFactAttribute()
    {
        if (ShellTools.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
