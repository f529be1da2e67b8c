using System.Globalization;

namespace Graph.Web.Tests.QueryApiClient;

/// <summary>
/// The battery against this project's own server, the built Graph.Web on 127.0.0.1 over the seed documents, with an API
/// token and a short idle timeout for transactions: the test of our endpoint written by a client we did not write.
/// </summary>
public sealed class QueryApiClientBatteryTests(QueryApiClientBatteryTests.EmbeddedServerRun run)
    : QueryApiClientBattery<QueryApiClientBatteryTests.EmbeddedServerRun>(run), IClassFixture<QueryApiClientBatteryTests.EmbeddedServerRun>
{
    /// <summary>Starts the server (once) and hands its address and token to the battery.</summary>
    public sealed class EmbeddedServerRun : BatteryRun
    {
        private const string Token = "battery-token-41c9";
        private const int IdleSeconds = 2;
        private ServerChildProcess? _server;

        protected override async Task<IReadOnlyDictionary<string, string>> ServerAsync()
        {
            _server = await ServerChildProcess.StartAsync(Work,
            [
                "--Graph:DataDir", Path.Combine(Work, "data"), "--Graph:CorpusDir", TestData.Seeds, "--Graph:ApiToken", Token,
                "--Graph:TransactionTimeoutSeconds", IdleSeconds.ToString(CultureInfo.InvariantCulture), "--Graph:RateLimitPermits", "0",
            ], TestContext.Current.CancellationToken);
            return new Dictionary<string, string>
            {
                ["BATTERY_TARGET"] = "embedded",
                ["BATTERY_URL"] = _server.Address.ToString().TrimEnd('/'),
                ["BATTERY_TOKEN"] = Token,
                ["BATTERY_IDLE_SECONDS"] = IdleSeconds.ToString(CultureInfo.InvariantCulture),
            };
        }

        protected override string ServerOutput => _server?.Output ?? "";

        public override async ValueTask DisposeAsync()
        {
            if (_server is not null) await _server.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
