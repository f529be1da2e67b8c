using System.Text.RegularExpressions;
using Graph.Cypher;

namespace Graph.Tck.Tests;

/// <summary>
/// The TCK's table-driven procedures: "there exists a procedure name(in :: TYPE) :: (out :: TYPE):" with a
/// table whose rows map argument values to output values.
/// </summary>
internal static partial class TckProcedures
{
    [GeneratedRegex(@"^there exists a procedure (?<name>[\w.]+)\((?<in>[^)]*)\)\s*::\s*\((?<out>[^)]*)\)\s*:$")]
    private static partial Regex Signature();

    public static CypherProcedure FromStep(string step, List<List<string>> table)
    {
        var m = Signature().Match(step);
        if (!m.Success)
        {
            throw new FormatException("Unreadable procedure signature: " + step);
        }

        var inputs = Fields(m.Groups["in"].Value);
        var outputs = Fields(m.Groups["out"].Value);
        var header = table.Count > 0 ? table[0] : [];
        var rows = table.Skip(1).Where(r => r.Count == header.Count && header.Count > 0).ToList();
        return new CypherProcedure(m.Groups["name"].Value, inputs, outputs, args =>
        {
            var wanted = args.Select(a => TckValues.Canonical(a, false)).ToList();
            return rows
                .Where(r => inputs.Select((f, i) => TckValues.Canonical(TckValues.Parse(r[header.IndexOf(f.Name)]), false) == wanted[i]).All(b => b))
                .Select(r => (IReadOnlyList<object?>)outputs.Select(o => Plain(TckValues.Parse(r[header.IndexOf(o.Name)]))).ToList())
                .ToList();
        });
    }

    private static object? Plain(object? value) => value;

    private static List<CypherProcedureField> Fields(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split("::", StringSplitOptions.TrimEntries))
            .Select(p => new CypherProcedureField(p[0], p[1].TrimEnd('?')))
            .ToList();
}
