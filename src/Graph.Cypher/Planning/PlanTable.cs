using System.Globalization;
using System.Text;

namespace Graph.Cypher.Planning;

/// <summary>
/// A plan as the text table Neo4j prints for EXPLAIN and PROFILE (operator, id, details, estimated rows, and for
/// PROFILE rows and db hits), children indented under their parent, then the total of db hits.
/// </summary>
public static class PlanTable
{
    public static string Render(CypherPlan plan, bool profiled)
    {
        var lines = new List<(string Operator, int Id, CypherPlan Plan)>();
        Walk(plan, 0, lines);
        string[] headers = profiled ? ["Operator", "Id", "Details", "Estimated Rows", "Rows", "DB Hits"] : ["Operator", "Id", "Details", "Estimated Rows"];
        var cells = lines.Select(l => Cells(l.Operator, l.Id, l.Plan, profiled)).ToList();
        var widths = headers.Select((h, i) => Math.Min(60, cells.Select(c => c[i].Length).Append(h.Length).Max())).ToArray();
        var sb = new StringBuilder();
        var rule = "+" + string.Join("+", widths.Select(w => new string('-', w + 2))) + "+\n";
        sb.Append(rule).Append(Row(headers, widths)).Append(rule);
        foreach (var row in cells) sb.Append(Row(row, widths));
        sb.Append(rule);
        if (profiled)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nTotal database accesses: {Total(plan)}\n");
        }

        return sb.ToString();
    }

    private static long Total(CypherPlan plan) => (plan.DbHits ?? 0) + plan.Children.Sum(Total);

    private static void Walk(CypherPlan plan, int depth, List<(string, int, CypherPlan)> into)
    {
        var name = plan.OperatorType.Replace("@neo4j", "", StringComparison.Ordinal);
        into.Add((new string(' ', depth * 2) + "+" + name, into.Count, plan));
        foreach (var child in plan.Children) Walk(child, depth + 1, into);
    }

    private static string[] Cells(string name, int id, CypherPlan plan, bool profiled)
    {
        var estimated = Math.Round(plan.EstimatedRows).ToString(CultureInfo.InvariantCulture);
        return profiled
            ? [name, id.ToString(CultureInfo.InvariantCulture), plan.Details, estimated, (plan.Rows ?? 0).ToString(CultureInfo.InvariantCulture), (plan.DbHits ?? 0).ToString(CultureInfo.InvariantCulture)]
            : [name, id.ToString(CultureInfo.InvariantCulture), plan.Details, estimated];
    }

    private static string Row(IReadOnlyList<string> values, int[] widths) =>
        "| " + string.Join(" | ", values.Select((v, i) => (v.Length > widths[i] ? v[..(widths[i] - 1)] + "…" : v).PadRight(widths[i]))) + " |\n";
}
