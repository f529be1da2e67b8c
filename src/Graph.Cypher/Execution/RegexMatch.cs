using System.Text.RegularExpressions;

namespace Graph.Cypher.Execution;

/// <summary>
/// The <c>=~</c> operator without catastrophic backtracking: a pattern the linear-time engine supports
/// runs with <see cref="RegexOptions.NonBacktracking"/>; one that needs backtracking (back-references,
/// look-arounds) runs with a timeout of at most a second (less when the query has less time left): a
/// pattern that backtracks that long on one value is pathological, and the query stops with an error. Static Regex calls cache the compiled
/// pattern, so a pattern compared against many rows is built once.
/// </summary>
internal static class RegexMatch
{
    public static readonly TimeSpan MaxPerValue = TimeSpan.FromSeconds(1);

    public static bool IsMatch(string input, string pattern, TimeSpan remaining)
    {
        var anchored = "^(?:" + pattern + ")$";
        var timeout = TimeSpan.FromTicks(Math.Clamp(remaining.Ticks, TimeSpan.TicksPerMillisecond, MaxPerValue.Ticks));
        try
        {
            return Regex.IsMatch(input, anchored, RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            return Regex.IsMatch(input, anchored, RegexOptions.None, timeout);
        }
    }
}
