using System.Text.RegularExpressions;

namespace Graph.Cypher.Execution;

/// <summary>
/// The <c>=~</c> operator without catastrophic backtracking: a pattern the linear-time engine supports
/// runs with <see cref="RegexOptions.NonBacktracking"/>; one that needs backtracking (back-references,
/// look-arounds) runs with a timeout of whatever is left of the query's time, so a pattern such as
/// <c>(a+)+b</c> cannot hold the graph beyond the query's limit. Static Regex calls cache the compiled
/// pattern, so a pattern compared against many rows is built once.
/// </summary>
internal static class RegexMatch
{
    public static bool IsMatch(string input, string pattern, TimeSpan remaining)
    {
        var anchored = "^(?:" + pattern + ")$";
        var timeout = remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining;
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
