namespace OneStop.Tests.Persistence;

/// <summary>Finds files of the repository (database/...) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    /// <summary>The first folder above <see cref="AppContext.BaseDirectory"/> that holds OneStop.sln.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneStop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OneStop.sln above {AppContext.BaseDirectory}.");
    }
}
