using Graph.Cypher;
using Graph.Model;
using Graph.Store;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Cli.Bench;

/// <summary>Inputs drawn from the ingested graph: documents (hubs and ordinary ones), series pairs, organisations.</summary>
internal sealed class QueryInputs
{
    public required IReadOnlyList<string> Documents { get; init; }
    public required IReadOnlyList<string> Hubs { get; init; }
    public required IReadOnlyList<(string From, string To)> SeriesPairs { get; init; }
    public required IReadOnlyList<string> Series { get; init; }
    public required IReadOnlyList<string> Organisations { get; init; }

    /// <summary>Draws the inputs with a fixed seed so every run times the same calls.</summary>
    public static QueryInputs Draw(MemoryGraph graph, int seed)
    {
        var random = new Random(seed);
        var full = new List<(string Id, long InternalId)>();
        using (graph.EnterRead())
        {
            foreach (var id in graph.NodeIdsByLabel(Labels.Document))
            {
                graph.TryGetNode(id, out var node);
                if (node.Properties.TryGetValue(PropertyNames.Stub, out var stub) && stub is true) continue;
                full.Add((node.Key!, id));
            }
        }
        var hubs = full.Select(d => (d.Id, Cited: graph.Degree(d.InternalId, Direction.Incoming, [RelationshipTypes.Cites])))
            .OrderByDescending(d => d.Cited).Take(10).Select(d => d.Id).ToList();
        var series = Keys(graph, Labels.Series);
        var pairs = new List<(string, string)>();
        foreach (var s in series.OrderBy(_ => random.Next()).Take(100))
        {
            graph.TryGetNodeId(s, out var seriesId);
            var members = graph.GetRelationships(seriesId, Direction.Incoming, [RelationshipTypes.InSeries])
                .Select(r => graph.TryGetNode(r.StartId, out var n) ? n : default)
                .Where(n => n.Properties is not null && !(n.Properties.TryGetValue(PropertyNames.Stub, out var st) && st is true))
                .OrderBy(n => n.Properties.TryGetValue("adoptionDate", out var d) ? d as string : null, StringComparer.Ordinal)
                .Select(n => n.Key!).ToList();
            for (var k = 1; k < members.Count && pairs.Count < 200; k++) pairs.Add((members[k - 1], members[k]));
        }
        return new QueryInputs
        {
            Documents = Enumerable.Range(0, 400).Select(_ => full[random.Next(full.Count)].Id).ToList(),
            Hubs = hubs,
            SeriesPairs = pairs,
            Series = series,
            Organisations = Keys(graph, Labels.Organization),
        };
    }

    private static List<string> Keys(MemoryGraph graph, string label) =>
        graph.NodeIdsByLabel(label).Select(id => graph.TryGetNode(id, out var n) ? n.Key : null).OfType<string>().ToList();
}

/// <summary>Latency of the services and of ten typical Cypher queries, in process over the embedded store.</summary>
internal static class QueryBench
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>Twelve queries people run on this graph; the fifth is the two-hop pattern with a filter of the targets.</summary>
    public static readonly IReadOnlyList<(string Name, string Query, string Parameter)> CypherQueries =
    [
        ("document by id", "MATCH (d:Document {id: $id}) RETURN d.title, d.year", "document"),
        ("paragraphs of a document", "MATCH (d:Document {id: $id})-[:HAS_PARAGRAPH]->(p:Paragraph) RETURN p.number, p.verb ORDER BY p.ordinal", "document"),
        ("what a document cites", "MATCH (d:Document {id: $id})-[:CITES]->(x:Document) RETURN x.id, x.title", "document"),
        ("how often a hub is cited", "MATCH (d:Document)-[:CITES]->(x:Document {id: $id}) RETURN count(d) AS citing", "hub"),
        ("two-hop citations with a filter", "MATCH (a:Document {id: $id})-[:CITES]->(b:Document)-[:CITES]->(c:Document) WHERE c.year < 2010 AND c.body = 'Security Council' RETURN DISTINCT c.id LIMIT 50", "document"),
        ("citation chain *1..3 count", "MATCH (d:Document {id: $id})-[:CITES*1..3]->(x:Document) RETURN count(DISTINCT x) AS reached", "document"),
        ("resolutions of a series", "MATCH (d:Document)-[:IN_SERIES]->(s:Series {id: $id}) RETURN d.id, d.adoptionDate ORDER BY d.adoptionDate", "series"),
        ("paragraph-level citations", "MATCH (d:Document {id: $id})-[:HAS_PARAGRAPH]->(p:Paragraph)-[c:CITES]->(x:Document) RETURN p.id, c.verb, x.id", "document"),
        ("who cites a hub, by body", "MATCH (x:Document {id: $id})<-[:CITES]-(d:Document) RETURN d.body AS body, count(*) AS n ORDER BY n DESC", "hub"),
        ("paragraphs mentioning an organisation", "MATCH (o:Organization {id: $id})<-[:MENTIONS]-(p:Paragraph) RETURN count(p) AS mentions", "organisation"),
        ("shortestPath over CITES, at most 4 hops", "MATCH (a:Document {id: $id}), (b:Document {id: $other}) MATCH p = shortestPath((a)-[:CITES*..4]-(b)) RETURN length(p) AS hops", "pair"),
        ("top 10 most cited (global aggregation)", "MATCH (:Document)-[:CITES]->(d:Document) RETURN d.id AS id, count(*) AS cited ORDER BY cited DESC LIMIT 10", "none"),
    ];

    public static async Task<List<LatencyFigures>> RunServicesAsync(EmbeddedGraphStore store, QueryInputs inputs)
    {
        var services = store.CreateServices();
        var results = new List<LatencyFigures>();
        var random = new Random(11);
        string[] words = ["humanitarian assistance", "African Union", "climate change", "nuclear disarmament", "rights of the child", "Sahel", "mine action", "terrorism"];
        var searches = Enumerable.Range(0, 200).Select(i => (i % 3) switch
        {
            0 => inputs.Documents[i % inputs.Documents.Count],
            1 => words[i % words.Length],
            _ => inputs.Documents[i % inputs.Documents.Count].Split('/')[^1],
        }).ToList();
        results.Add(await Latency.MeasureAsync("search", searches, async q => await services.Search.SearchAsync(q, 20), Budget));

        var neighbourInputs = inputs.Documents.Take(300).Select((d, i) => i % 10 == 0 ? inputs.Hubs[i / 10 % inputs.Hubs.Count] : d).ToList();
        results.Add(await Latency.MeasureAsync("neighbours (limit 100, 1 in 10 a hub)", neighbourInputs,
            async id => await services.Neighbours.TryGetNeighboursAsync(id, Direction.Both, null, 100), Budget));

        var pairs = Enumerable.Range(0, 100).Select(_ => (inputs.Documents[random.Next(inputs.Documents.Count)], inputs.Documents[random.Next(inputs.Documents.Count)])).ToList();
        results.Add(await Latency.MeasureAsync("shortest path (any relationship, either way)", pairs,
            async p => await services.Paths.TryFindShortestPathAsync(p.Item1, p.Item2), Budget));
        results.Add(await Latency.MeasureAsync("shortest path (CITES only)", pairs,
            async p => await services.Paths.TryFindShortestPathAsync(p.Item1, p.Item2, [RelationshipTypes.Cites]), Budget));

        results.Add(await Latency.MeasureAsync("citation chain, outgoing, depth 5", inputs.Documents.Take(100).ToList(),
            async id => await services.Citations.TryGetCitationChainAsync(id, Direction.Outgoing, 5), Budget));
        results.Add(await Latency.MeasureAsync("citation chain, incoming, depth 5 (hubs)", inputs.Hubs.Concat(inputs.Hubs).ToList(),
            async id => await services.Citations.TryGetCitationChainAsync(id, Direction.Incoming, 5), Budget, warmup: 1));

        if (inputs.SeriesPairs.Count > 0)
            results.Add(await Latency.MeasureAsync("evolution (two resolutions of a series)", inputs.SeriesPairs.Take(100).ToList(),
                async p => await services.Evolution.TryCompareAsync(p.From, p.To), Budget));
        return results;
    }

    public static async Task<List<LatencyFigures>> RunCypherAsync(EmbeddedGraphStore store, QueryInputs inputs)
    {
        var engine = new CypherEngine(store.Graph, new CypherOptions { ReadOnly = true });
        var results = new List<LatencyFigures>();
        foreach (var (name, query, parameter) in CypherQueries)
        {
            IReadOnlyList<string> values = parameter switch
            {
                "hub" => inputs.Hubs,
                "series" => inputs.Series.Take(100).ToList(),
                "organisation" => inputs.Organisations,
                "none" => Enumerable.Repeat("", 20).ToList(),
                _ => inputs.Documents.Take(100).ToList(),
            };
            if (values.Count == 0) continue;
            var repeated = Enumerable.Range(0, Math.Max(values.Count, parameter == "none" ? 20 : 50)).Select(i => values[i % values.Count]).ToList();
            // A pair of documents: each of the first hundred with one drawn at random from the whole graph.
            var others = new Random(13);
            long rows = 0;
            var figures = await Latency.MeasureAsync(name, repeated, id =>
            {
                var parameters = new Dictionary<string, object?> { ["id"] = id };
                if (parameter == "pair") parameters["other"] = inputs.Documents[others.Next(inputs.Documents.Count)];
                rows += engine.Execute(query, parameters).Rows.Count;
                return ValueTask.CompletedTask;
            }, Budget, note: query);
            results.Add(figures);
        }
        return results;
    }
}
