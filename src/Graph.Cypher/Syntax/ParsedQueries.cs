using System.Collections.Concurrent;

namespace Graph.Cypher.Syntax;

/// <summary>
/// The syntax trees of recently run query texts. A query run again and again with new parameters (the explorer's
/// and an application's usual pattern) is parsed once: the tree is immutable and does not depend on the parameters or
/// the graph, so one tree serves every run. Bounded, and simply emptied when full, since a working set of queries is
/// small and a rarely repeated text costs only its next parse. A text that does not parse is never kept (it throws), nor
/// one the caller's keep test refuses: writes and schema commands, which are rare, replayed when a store opens, and
/// whose trees the schema catalog compares by identity.
/// </summary>
internal static class ParsedQueries
{
    private const int Capacity = 512;
    private const int LongestKeptText = 16_384;

    private sealed record Parsed(Query Query, IReadOnlyList<(string Name, int Offset)> Parameters, PlanMode Mode);

    private static readonly ConcurrentDictionary<string, Parsed> Kept = new(StringComparer.Ordinal);

    public static Query Parse(string text, Func<Query, bool> keep, out IReadOnlyList<(string Name, int Offset)> parameters, out PlanMode mode)
    {
        if (Kept.TryGetValue(text, out var hit))
        {
            parameters = hit.Parameters;
            mode = hit.Mode;
            return hit.Query;
        }

        var query = Parser.Parse(text, out parameters, out mode);
        if (text.Length <= LongestKeptText && keep(query))
        {
            if (Kept.Count >= Capacity) Kept.Clear();
            Kept[text] = new Parsed(query, parameters, mode);
        }

        return query;
    }
}
