using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Neo4j.Tests.Store;

/// <summary>
/// This project's own server, whose <c>POST /db/{db}/query/v2</c> speaks Neo4j's Query API over the
/// embedded Cypher engine, with writes allowed (Graph:AllowWrites) and an empty store of its own: the
/// Neo4j store's client talks to it exactly as to Neo4j, so the Cypher the store sends must be accepted by both.
/// </summary>
internal sealed class EmbeddedQueryApiServer : WebApplicationFactory<Program>
{
    /// <summary>A server listening on a real local port (Kestrel), for clients that connect over the network.</summary>
    public static EmbeddedQueryApiServer ListeningOnLocalPort()
    {
        var server = new EmbeddedQueryApiServer();
        server.UseKestrel(0);
        server.StartServer();
        return server;
    }

    /// <summary>Where a client reaches the server.</summary>
    public Uri Address
    {
        get
        {
            using var client = CreateClient();
            return client.BaseAddress!;
        }
    }

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "graph-neo4j-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Graph:DataDir", _dataDir);
        builder.UseSetting("Graph:CorpusDir", Path.Combine(_dataDir, "no-corpus"));
        // Writes enabled by configuration, as a user would: the engine then runs over the (empty) embedded store's graph.
        builder.UseSetting("Graph:AllowWrites", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RecordingFilter(Received, Requests)));
    }

    /// <summary>The bodies of the Query API requests this server received, in order.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>The method and path of each request this server received ("POST /db/neo4j/query/v2/tx"), in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Keeps a copy of each request body and its method and path, so a test can see what a client or relay sent.</summary>
    private sealed class RecordingFilter(ConcurrentQueue<string> received, ConcurrentQueue<string> requests) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
                context.Request.EnableBuffering();
                using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
                    received.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
                context.Request.Body.Position = 0;
                await nextMiddleware(context);
            });
            next(app);
        };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
