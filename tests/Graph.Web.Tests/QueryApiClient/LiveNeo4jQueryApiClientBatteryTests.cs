using System.Globalization;
using Graph.Neo4j.QueryApi;

namespace Graph.Web.Tests.QueryApiClient;

/// <summary>
/// The same battery against a live Neo4j (5.26 or later, or Aura) named by NEO4J_URL, with NEO4J_USER and NEO4J_PASSWORD
/// or NEO4J_TOKEN, and NEO4J_DATABASE, read as the Neo4j store reads them; skipped when NEO4J_URL is not set. The battery
/// writes only nodes tagged with its run and deletes them at the end. NEO4J_TX_IDLE_SECONDS tells it the server's idle
/// timeout for transactions (Neo4j's default: 60 s), which one check waits out.
/// </summary>
public sealed class LiveNeo4jQueryApiClientBatteryTests(LiveNeo4jQueryApiClientBatteryTests.LiveNeo4jRun run)
    : QueryApiClientBattery<LiveNeo4jQueryApiClientBatteryTests.LiveNeo4jRun>(run), IClassFixture<LiveNeo4jQueryApiClientBatteryTests.LiveNeo4jRun>
{
    /// <summary>Hands the live server's address and credentials to the battery, through its environment.</summary>
    public sealed class LiveNeo4jRun : BatteryRun
    {
        protected override Task<IReadOnlyDictionary<string, string>> ServerAsync()
        {
            var options = QueryApiOptions.FromEnvironment();
            if (options is null)
                Assert.Skip("NEO4J_URL is not set: the client battery runs against a live Neo4j only when one is named (NEO4J_URL, NEO4J_USER, NEO4J_PASSWORD).");
            var idle = Environment.GetEnvironmentVariable("NEO4J_TX_IDLE_SECONDS") is { Length: > 0 } text
                ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : 60;
            return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
            {
                ["BATTERY_TARGET"] = "neo4j",
                ["BATTERY_URL"] = options.ServerUri.ToString().TrimEnd('/'),
                ["BATTERY_DATABASE"] = options.Database,
                ["BATTERY_USER"] = options.User,
                ["BATTERY_PASSWORD"] = options.Password,
                ["BATTERY_TOKEN"] = options.BearerToken ?? "",
                ["BATTERY_IDLE_SECONDS"] = idle.ToString(CultureInfo.InvariantCulture),
            });
        }
    }
}
