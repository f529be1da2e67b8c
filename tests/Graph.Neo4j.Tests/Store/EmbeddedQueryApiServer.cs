using Graph.Cypher;
using Graph.Store.Memory;
using Graph.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Neo4j.Tests.Store;

/// <summary>
/// This project's own server, whose <c>POST /db/{db}/query/v2</c> speaks Neo4j's Query API over the
/// embedded Cypher engine, with writes allowed and an empty graph of its own: the Neo4j store's client
/// talks to it exactly as to Neo4j, so the Cypher the store sends must be accepted by both.
/// </summary>
internal sealed class EmbeddedQueryApiServer : WebApplicationFactory<Program>
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "graph-neo4j-tests-" + Guid.NewGuid().ToString("N"));
    private readonly MemoryGraph _graph = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Graph:DataDir", _dataDir);
        builder.UseSetting("Graph:CorpusDir", Path.Combine(_dataDir, "no-corpus"));
        builder.UseSetting("Graph:AllowWrites", "true");
        // The Query API runs on an engine over an empty graph of this test's own, so each test starts empty.
        var engine = new CypherEngine(_graph, new CypherOptions { ReadOnly = false });
        builder.ConfigureTestServices(services => services.AddSingleton(new QueryEngine(() => engine)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _graph.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
