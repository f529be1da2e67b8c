namespace Graph.Web.Hosting;

/// <summary>
/// Finds the repository's folders (the UI in wwwroot/, the bundled corpus in graph/corpus/) from
/// wherever the server starts: `dotnet run` from the repository root, tests from their output folder.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The nearest ancestor (or self) of one of <paramref name="starts"/> that contains <paramref name="relative"/>.</summary>
    public static string? TryFind(string relative, params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public static string? TryFindWebRoot() =>
        TryFind("wwwroot/index.html", Directory.GetCurrentDirectory(), AppContext.BaseDirectory) is { } index
            ? Path.GetDirectoryName(index)
            : null;
}
