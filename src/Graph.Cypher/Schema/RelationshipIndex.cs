using Graph.Cypher.Storage;

namespace Graph.Cypher.Schema;

/// <summary>
/// A declared RANGE or TEXT index on relationships, <c>FOR ()-[r:TYPE]-() ON (r.property)</c>: the relationships of the
/// type by property value, so that an equality (or IN) on the property finds its relationships, and through them their
/// end nodes, without reading every relationship of the type. The store keeps no index on relationship properties, so
/// this is kept beside it, built at the first lookup and again after the graph changed (<see cref="IGraphAccess.ChangeStamp"/>).
/// </summary>
internal sealed class RelationshipIndex(string type, string property)
{
    private readonly Lock gate = new();
    private long builtFor = -1;
    private Dictionary<object, List<long>> byValue = [];

    /// <summary>The relationships whose value equals <paramref name="value"/> as Cypher compares (1 equals 1.0); null for a value no index holds.</summary>
    public IReadOnlyList<long>? Find(IGraphAccess graph, object? value)
    {
        if (Key(value) is not { } key) return null;
        lock (gate)
        {
            var stamp = graph.ChangeStamp;
            if (stamp != builtFor)
            {
                var built = new Dictionary<object, List<long>>();
                foreach (var id in graph.AllRelationships())
                {
                    if (graph.Endpoints(id).Type != type || Key(graph.RelationshipProperties(id).GetValueOrDefault(property)) is not { } k) continue;
                    (built.TryGetValue(k, out var ids) ? ids : built[k] = []).Add(id);
                }

                byValue = built;
                builtFor = stamp;
            }

            return byValue.TryGetValue(key, out var found) ? found : [];
        }
    }

    /// <summary>A property value as a dictionary key: whole numbers as longs, so 1 and 1.0 meet; lists, maps and the like are not indexed.</summary>
    private static object? Key(object? value) => value switch
    {
        string or bool or long => value,
        double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18 => (long)d,
        double d when !double.IsNaN(d) => d,
        _ => null,
    };
}
