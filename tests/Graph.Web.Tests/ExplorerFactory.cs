using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

[assembly: AssemblyFixture(typeof(Graph.Web.Tests.ExplorerFactory))]

namespace Graph.Web.Tests;

/// <summary>
/// The real server over the embedded store, built from the seeds (graph/corpus) and the hand-checked corpus
/// of the reference collections (Graph:CorpusDirs) into a fresh data folder once for all the tests of this assembly.
/// </summary>
public sealed class ExplorerFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "graph-web-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Starts the one server before any test runs: test classes run in parallel, and two of them asking
    /// for a client at once would otherwise start two servers on the same data folder.
    /// </summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // what users get: no developer exception pages
        builder.UseSetting("Graph:DataDir", _dataDir);
        if (Graph.Model.ReferenceCollections.Corpus is { } corpus) builder.UseSetting("Graph:CorpusDirs", corpus);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
