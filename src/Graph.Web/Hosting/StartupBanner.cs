using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Graph.Web.Hosting;

/// <summary>Tells the person who started the server where to open it.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            Console.WriteLine($"Graph explorer: {address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)}/");
        if (app.Environment.WebRootPath is null || !File.Exists(Path.Combine(app.Environment.WebRootPath, "index.html")))
            Console.WriteLine("The explorer's web UI (wwwroot/) was not found: only the API is served.");
    }
}
