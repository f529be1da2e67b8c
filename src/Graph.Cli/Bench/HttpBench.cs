using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Graph.Cli.Bench;

/// <summary>What a load generator measured against the server.</summary>
internal sealed record HttpFigures(
    string Generator, double TargetRate, double AchievedRate, double Seconds, long Requests, long Errors,
    double P50, double P99, double Max, string Note);

/// <summary>
/// HTTP latency under load on loopback, from two generators at the same fixed rate: an open-loop one
/// here (requests start on a fixed schedule whatever the answers do, latency counts from the scheduled
/// start, so no coordinated omission) and Debian's wrk, paced to the rate by a Lua schedule (Debian
/// ships wrk, not wrk2, so the rate is held by wrk's delay hook; see <see cref="WrkAsync"/>).
/// </summary>
internal static partial class HttpBench
{
    public static IReadOnlyList<string> Paths(QueryInputs inputs)
    {
        var paths = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var id = Uri.EscapeDataString(inputs.Documents[i % inputs.Documents.Count]);
            var other = Uri.EscapeDataString(inputs.Documents[(i * 7 + 3) % inputs.Documents.Count]);
            paths.Add((i % 6) switch
            {
                0 => $"api/search?q={id}",
                1 => $"api/node?id={id}",
                2 => $"api/neighbours?id={id}&limit=25",
                3 => $"api/citations?id={id}&direction=outgoing&depth=2",
                4 => $"api/path?from={id}&to={other}",
                _ => $"api/search?q={(i % 2 == 0 ? "humanitarian" : "African%20Union")}",
            });
        }
        return paths;
    }

    public static async Task<HttpFigures> OpenLoopAsync(string baseUrl, IReadOnlyList<string> paths, double rate, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        // Warm-up, not counted: the mix at the full rate for a few seconds. A server just started compiles
        // its hot paths again (tiered JIT) and collects what loading the store left behind; measured
        // from a cold start the first seconds' stalls (a p99 of ~220 ms in the first 8 s at 10k
        // documents) would stand for the steady state.
        await RunScheduleAsync(client, paths, rate, WarmUp);
        var (latencies, errors, seconds) = await RunScheduleAsync(client, paths, rate, duration);
        var total = latencies.Length;
        var sorted = latencies.Order().ToArray();
        return new HttpFigures("open-loop (.NET, fixed schedule)", rate, total / seconds, seconds, total, errors,
            LatencyFigures.Percentile(sorted, 0.5), LatencyFigures.Percentile(sorted, 0.99), sorted[^1],
            $"after {WarmUp.TotalSeconds:F0} s of warm-up at the same rate; latency from each request's scheduled start; mix of search, node, neighbours, citations depth 2, shortest path");
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <summary>Starts requests on a fixed schedule whatever the answers do; latency counts from each scheduled start.</summary>
    private static async Task<(double[] Latencies, long Errors, double Seconds)> RunScheduleAsync(HttpClient client, IReadOnlyList<string> paths, double rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / rate;
        var latencies = new double[total];
        long errors = 0;
        var tasks = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < total; k++)
        {
            var scheduled = start + (long)(k * interval);
            while (Stopwatch.GetTimestamp() < scheduled)
            {
                var wait = (scheduled - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (wait > 2) Thread.Sleep(1); else Thread.SpinWait(50);
            }
            var index = k;
            var path = paths[k % paths.Count];
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies[index] = (Stopwatch.GetTimestamp() - scheduled) * 1000.0 / Stopwatch.Frequency;
            }));
        }
        await Task.WhenAll(tasks);
        return (latencies, errors, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>
    /// Debian's wrk held to <paramref name="rate"/> by its Lua <c>delay</c> hook; null when wrk is not installed.
    /// Each wrk thread keeps a schedule (one request every threads/rate seconds, from LuaJIT's monotonic
    /// clock) and every connection that comes free waits for the next free slot, so the server sees the
    /// rate asked for whenever it keeps up, and less (reported) when it does not. Slots missed while
    /// every connection was busy are sent at once, as a fixed-rate generator would.
    /// </summary>
    public static async Task<HttpFigures?> WrkAsync(string baseUrl, IReadOnlyList<string> paths, double rate, TimeSpan duration, string workDirectory)
    {
        var wrk = new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);
        if (wrk is null) return null;
        const int threads = 2, connections = 64;
        var intervalMs = threads * 1000.0 / rate;
        var script = Path.Combine(workDirectory, "wrk-paths.lua");
        var lua = new System.Text.StringBuilder("local paths = {\n");
        foreach (var path in paths) lua.Append("  \"/").Append(path.Replace("\"", "%22", StringComparison.Ordinal)).Append("\",\n");
        lua.Append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
        lua.Append(WrkSchedule.Replace("{interval}", intervalMs.ToString("F3", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await File.WriteAllTextAsync(script, lua.ToString());
        var info = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "--latency", "-s", script, baseUrl.TrimEnd('/') })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var requests = Match(RequestsLine(), output, "requests") ?? 0;
        var non2xx = Match(Non2xxLine(), output, "n") ?? 0;
        var socket = SocketErrorsLine().Match(output);
        var socketErrors = socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        var seconds = duration.TotalSeconds;
        return new HttpFigures($"wrk {threads} threads, {connections} connections, paced to {rate:F0} req/s", rate, requests / seconds, seconds,
            requests, non2xx + socketErrors, Percent(output, "50%"), Percent(output, "99%"), MaxLatency(output),
            "one request every threads/rate seconds per wrk thread; latency from sending each request (a request waits for a free connection uncounted)");
    }

    /// <summary>The pacing, in LuaJIT (Debian's wrk embeds it): a per-thread schedule read with clock_gettime(CLOCK_MONOTONIC).</summary>
    private const string WrkSchedule = """
        local ffi = require("ffi")
        ffi.cdef[[
        typedef struct { long tv_sec; long tv_nsec; } graph_timespec;
        int clock_gettime(int clock, graph_timespec *now);
        ]]
        local now = ffi.new("graph_timespec")
        local function milliseconds()
          ffi.C.clock_gettime(1, now)
          return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
        end
        local interval = {interval}
        local slot = nil
        delay = function()
          local t = milliseconds()
          if slot == nil then slot = t end
          slot = slot + interval
          if slot < t then return 0 end
          return slot - t
        end

        """;

    private static long? Match(Regex regex, string text, string group) =>
        regex.Match(text) is { Success: true } m ? long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The max of wrk's "Latency avg stdev max +/-stdev" line.</summary>
    private static double MaxLatency(string output)
    {
        var m = Regex.Match(output, @"^\s*Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)\b", RegexOptions.Multiline);
        return m.Success ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double Milliseconds(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch { "us" => number / 1000, "s" => number * 1000, _ => number };
    }

    private static double Percent(string output, string percentile)
    {
        var m = Regex.Match(output, @"^\s*" + Regex.Escape(percentile) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        return m.Success ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    [GeneratedRegex(@"(?<requests>\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (?<n>\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
