using Graph.Model;

namespace Graph.Store.Services;

/// <summary>Series timelines through any <see cref="IGraphReader"/>.</summary>
public sealed class SeriesService(IGraphReader reader) : ISeriesService
{
    private static readonly string[] SeriesTypes = [RelationshipTypes.Succeeds, RelationshipTypes.InSeries];

    public async ValueTask<SeriesTimeline?> TryGetTimelineAsync(string seriesOrDocumentId, CancellationToken cancellationToken = default)
    {
        var start = await reader.TryGetNodeAsync(seriesOrDocumentId, cancellationToken).ConfigureAwait(false);
        if (start is null) return null;

        // Everything connected to the start by SUCCEEDS or IN_SERIES, either way: the series node and its documents.
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [start.Id] = start };
        var relationships = new Dictionary<string, GraphRelationship>(StringComparer.Ordinal);
        var queue = new Queue<string>([start.Id]);
        while (queue.Count > 0)
        {
            var nodeId = queue.Dequeue();
            foreach (var relationship in await reader.GetRelationshipsAsync(nodeId, Direction.Both, SeriesTypes, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                relationships.TryAdd(relationship.Id, relationship);
                var other = relationship.Start == nodeId ? relationship.End : relationship.Start;
                if (nodes.ContainsKey(other)) continue;
                if (await reader.TryGetNodeAsync(other, cancellationToken).ConfigureAwait(false) is not { } node) continue;
                nodes[other] = node;
                queue.Enqueue(other);
            }
        }

        var series = nodes.Values.Where(n => n.HasLabel(Labels.Series)).OrderBy(n => n.Id, StringComparer.Ordinal).FirstOrDefault();
        var entries = new List<TimelineEntry>();
        foreach (var node in nodes.Values.Where(n => n.HasLabel(Labels.Document)))
        {
            var date = node.GetString("adoptionDate") ?? await DateCitedAsync(node.Id, cancellationToken).ConfigureAwait(false);
            var year = DocumentFilters.YearOf(node)
                ?? (date is { Length: >= 4 } && long.TryParse(date.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null);
            entries.Add(new TimelineEntry(node.Id, node.GetString("title"), date, year, node.IsStub));
        }
        entries = [.. entries
            .OrderBy(e => e.AdoptionDate ?? (e.Year is { } y ? $"{y:D4}" : "9999"), StringComparer.Ordinal)
            .ThenBy(e => e.DocumentId, SymbolOrder.Instance)];

        var graph = new GraphData();
        graph.Nodes.AddRange(nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal));
        graph.Relationships.AddRange(relationships.Values.OrderBy(r => r.Id, StringComparer.Ordinal));
        return new SeriesTimeline(series?.Id, series?.GetString("title"), entries, graph);
    }

    /// <summary>A stub has no adoption date of its own, but citing text often gives one ("resolution 64/256 of 2 March 2010").</summary>
    private async ValueTask<string?> DateCitedAsync(string documentId, CancellationToken cancellationToken)
    {
        foreach (var citation in await reader.GetRelationshipsAsync(documentId, Direction.Incoming, [RelationshipTypes.Cites], cancellationToken: cancellationToken).ConfigureAwait(false))
            if (citation.Properties.TryGetValue("date", out var date) && date is string { Length: >= 4 } text && char.IsAsciiDigit(text[0]))
                return text;
        return null;
    }
}
