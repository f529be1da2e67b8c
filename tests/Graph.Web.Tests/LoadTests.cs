using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Web.Tests;

/// <summary>
/// A loopback load test: the real server (Kestrel on 127.0.0.1) over the bundled corpus, eight clients
/// sending a mix of explorer API calls and Cypher queries for LOAD_SECONDS (10 s by default, 60 s for the
/// figure in the report) or 1,000,000 requests, whichever comes first. Every answer must be a success;
/// the test prints the rate and the latency percentiles. The rate limiter is off here: this measures the
/// server, and <see cref="QueryGuardTests"/> tests the limiter.
/// </summary>
public sealed class LoadTests
{
    private const int Clients = 8;
    private const int MaxRequests = 1_000_000;

    private static readonly string[] Gets =
    [
        "/api/search?q=cooperation", "/api/search?q=African%20Union", "/api/node?id=A%2FRES%2F77%2F13", "/api/neighbours?id=A%2FRES%2F77%2F13",
        "/api/citations?id=A%2FRES%2F77%2F13&direction=out&depth=2", "/api/overview", "/api/series?id=A%2FRES%2F77%2F13", "/health",
    ];

    private static readonly string[] Queries =
    [
        "MATCH (d:Document {id: $id})-[:HAS_PARAGRAPH]->(p) RETURN p.id, p.verb ORDER BY p.ordinal",
        "MATCH (d:Document {id: $id})-[:CITES*1..2]->(x:Document) RETURN DISTINCT x.id LIMIT 50",
        "MATCH (o:Organization)<-[:MENTIONS]-(p:Paragraph) RETURN o.id, count(p) AS n ORDER BY n DESC LIMIT 10",
        "MATCH (d:Document) WHERE d.year >= 2000 RETURN d.kind, count(*) ORDER BY count(*) DESC",
    ];

    [Fact]
    public async Task MixedApiAndCypherLoadOverLoopbackGivesNoErrors()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("LOAD_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 10;
        await using var server = new SecuredServer(new() { ["Graph:CorpusDirs"] = TestData.Corpus, ["Graph:RateLimitPermits"] = "0" });
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = new Uri(address) };
        var cancel = TestContext.Current.CancellationToken;
        using (var warm = await http.GetAsync("/api/overview", cancel)) warm.EnsureSuccessStatusCode();

        var sent = 0;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var latencies = new List<double>[Clients];
        var watch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(100_000);
            var random = new Random(client);
            while (watch.Elapsed < deadline && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = random.Next(3) == 0
                    ? await http.PostAsync("/db/neo4j/query/v2", SecuredServer.Query(Queries[random.Next(Queries.Length)], new { id = "A/RES/77/13" }), cancel)
                    : await http.GetAsync(Gets[random.Next(Gets.Length)], cancel);
                var body = await response.Content.ReadAsStringAsync(cancel);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) errors.Enqueue($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body[..Math.Min(body.Length, 300)]}");
            }
        }, cancel)));
        var elapsed = watch.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"load: {all.Length:N0} requests in {elapsed:F1} s ({all.Length / elapsed:N0}/s) from {Clients} clients; {errors.Count} errors; " +
            $"latency p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, max {all[^1]:F1} ms");
        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(10)));
        Assert.True(all.Length > Clients, $"only {all.Length} requests were made");
    }
}
