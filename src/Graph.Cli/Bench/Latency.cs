using System.Diagnostics;

namespace Graph.Cli.Bench;

/// <summary>Percentiles of one measured operation, in milliseconds.</summary>
internal sealed record LatencyFigures(string Name, int Samples, double P50, double P99, double Mean, double Max, string? Note = null)
{
    public static LatencyFigures From(string name, IReadOnlyList<double> milliseconds, string? note = null)
    {
        if (milliseconds.Count == 0) return new LatencyFigures(name, 0, double.NaN, double.NaN, double.NaN, double.NaN, note);
        var sorted = milliseconds.Order().ToArray();
        return new LatencyFigures(name, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Average(), sorted[^1], note);
    }

    /// <summary>Nearest-rank percentile: the smallest sample at or above the share <paramref name="p"/> of samples.</summary>
    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Times an operation over a list of inputs after a short warm-up, so the JIT and caches do not count.</summary>
internal static class Latency
{
    /// <summary>
    /// Runs <paramref name="operation"/> on each input in turn, stopping early (after at least ten samples)
    /// once <paramref name="budget"/> is spent, so a slow operation at a large scale cannot stall the run.
    /// </summary>
    public static async Task<LatencyFigures> MeasureAsync<T>(string name, IReadOnlyList<T> inputs, Func<T, ValueTask> operation, TimeSpan budget, int warmup = 5, string? note = null)
    {
        for (var i = 0; i < Math.Min(warmup, inputs.Count); i++) await operation(inputs[i]);
        var samples = new List<double>(inputs.Count);
        var begin = Stopwatch.GetTimestamp();
        foreach (var input in inputs)
        {
            if (samples.Count >= 10 && Stopwatch.GetElapsedTime(begin) > budget) break;
            var start = Stopwatch.GetTimestamp();
            await operation(input);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return LatencyFigures.From(name, samples, note);
    }
}
