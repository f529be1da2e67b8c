using Graph.Model;
using Graph.Store;

namespace Graph.Neo4j.Services;

/// <summary>A series timeline: everything reached through IN_SERIES and SUCCEEDS either way, one request per step.</summary>
internal sealed class Neo4jSeriesService(Neo4jGraphStore store) : ISeriesService
{
    private static readonly string[] SeriesTypes = [RelationshipTypes.InSeries, RelationshipTypes.Succeeds];

    public async ValueTask<SeriesTimeline?> TryGetTimelineAsync(string seriesOrDocumentId, CancellationToken cancellationToken = default)
    {
        var start = await store.TryGetNodeAsync(seriesOrDocumentId, cancellationToken).ConfigureAwait(false);
        if (start is null) return null;

        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [start.Id] = start };
        var relationships = new Dictionary<string, GraphRelationship>(StringComparer.Ordinal);
        var frontier = new List<string> { start.Id };
        while (frontier.Count > 0)
        {
            var next = new List<string>();
            foreach (var (relationship, other) in await store.ExpandAsync(frontier, SeriesTypes, Direction.Both, cancellationToken).ConfigureAwait(false))
            {
                relationships.TryAdd(relationship.Id, relationship);
                if (nodes.TryAdd(other.Id, other)) next.Add(other.Id);
            }
            frontier = next;
        }

        var series = nodes.Values.Where(n => n.HasLabel(Labels.Series)).OrderBy(n => n.Id, StringComparer.Ordinal).FirstOrDefault();
        var entries = nodes.Values
            .Where(n => n.HasLabel(Labels.Document))
            .Select(n => new TimelineEntry(n.Id, n.GetString("title"), n.GetString("adoptionDate"),
                n.Properties.TryGetValue("year", out var y) && y is long year ? year : null, n.IsStub))
            .OrderBy(e => e.AdoptionDate ?? e.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(e => e.DocumentId, StringComparer.Ordinal)
            .ToList();

        var graph = new GraphData();
        graph.Nodes.AddRange(nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal));
        graph.Relationships.AddRange(relationships.Values.OrderBy(r => r.Id, StringComparer.Ordinal));
        return new SeriesTimeline(series?.Id, series?.GetString("title"), entries, graph);
    }
}
