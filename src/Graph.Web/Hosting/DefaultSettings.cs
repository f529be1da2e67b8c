using Microsoft.Extensions.Configuration.Json;

namespace Graph.Web.Hosting;

/// <summary>Where the server's appsettings.json is found when it is started from elsewhere.</summary>
internal static class DefaultSettings
{
    /// <summary>
    /// <c>dotnet run --project src/Graph.Web</c> from the repository root makes the root the content root, and
    /// there is no appsettings.json there; the copy beside the binaries then gives the defaults (request logs at
    /// Warning, not one Information line per request). It goes first, so environment variables and the command
    /// line still override it.
    /// </summary>
    public static void AddDefaultsBesideBinaries(this ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json")) || !File.Exists(besideBinaries)) return;
        var source = new JsonConfigurationSource { Path = besideBinaries, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }
}
