using System.Diagnostics;
using System.Net;

namespace Graph.Web.Tests.Hostile;

/// <summary>
/// Polls /health (and the server's RSS) in parallel with a hostile load, every 200 ms until disposed (at most
/// <see cref="MaxPolls"/> polls), and afterwards says whether the server stayed alive, answered within a
/// second every time and kept under its memory ceiling.
/// </summary>
public sealed class HealthWatch : IAsyncDisposable
{
    private const int MaxPolls = 3000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private readonly ServerProcess _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private readonly List<string> _problems = [];

    public HealthWatch(ServerProcess server)
    {
        _server = server;
        _polling = Task.Run(PollAsync);
    }

    public TimeSpan SlowestHealth { get; private set; }

    public long PeakRss { get; private set; }

    public int Polls { get; private set; }

    private async Task PollAsync()
    {
        using var client = _server.Client();
        client.Timeout = TimeSpan.FromSeconds(5);
        for (var i = 0; i < MaxPolls && !_stop.IsCancellationRequested; i++)
        {
            PeakRss = Math.Max(PeakRss, _server.RssBytes());
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync("health", CancellationToken.None);
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK) _problems.Add($"/health answered {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _problems.Add($"/health failed: {e.Message}");
            }
            if (watch.Elapsed > SlowestHealth) SlowestHealth = watch.Elapsed;
            Polls++;
            try { await Task.Delay(200, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Stops polling and asserts the server lived, answered /health within a second and stayed under its ceiling.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"/health: {Polls} polls, slowest {SlowestHealth.TotalMilliseconds:F0} ms; peak RSS {PeakRss / (1024 * 1024)} MiB of {_server.CeilingBytes / (1024 * 1024)} MiB");
        Assert.True(_server.IsAlive, "The server died:\n" + Tail(_server.Output));
        Assert.True(_problems.Count == 0, string.Join("\n", _problems.Take(10)));
        Assert.True(SlowestHealth < Budget, $"/health took {SlowestHealth.TotalMilliseconds:F0} ms at worst");
        Assert.True(PeakRss < _server.CeilingBytes, $"RSS reached {PeakRss / (1024 * 1024)} MiB, over the ceiling");
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
