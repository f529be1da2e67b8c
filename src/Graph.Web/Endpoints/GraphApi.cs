using System.Globalization;
using Graph.Model;
using Graph.Store;
using Graph.Web.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Graph.Web.Endpoints;

/// <summary>
/// The explorer's read API over the graph services. Handlers validate their parameters themselves so
/// that a bad value gets a sentence, not a binder's exception: 400 for bad parameters, 404 for ids
/// the graph does not hold, ProblemDetails for both.
/// </summary>
public static class GraphApi
{
    private const int MaxDepth = 6;

    /// <summary>Beyond three steps a chain picture is mostly the whole graph.</summary>
    private const int MaxPictureDepth = 3;
    private const int MaxLimit = 500;
    private const int MaxSubgraphIds = 1000;

    /// <summary>Most documents a citation chain may be asked to keep (<c>limit</c>); more cannot be drawn readably.</summary>
    private const int MaxChainNodes = 5000;

    public static IEndpointRouteBuilder MapGraphApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Graph");
        api.MapGet("/search", Search).WithName("Search")
            .WithSummary("Ranked search over symbols, titles, organisations, operations and paragraph text.");
        api.MapGet("/node", GetNode).WithName("GetNode")
            .WithSummary("A node's properties and provenance; a document's paragraphs.");
        api.MapGet("/neighbours", GetNeighbours).WithName("GetNeighbours")
            .WithSummary("A page of a node's neighbours, most telling relationships first.");
        api.MapGet("/path", FindPath).WithName("FindPath")
            .WithSummary("Shortest paths between two nodes: of the given relationship types (all by default), in a direction (both by default), up to k of them (1 by default).");
        api.MapGet("/citations", GetCitations).WithName("GetCitations")
            .WithSummary("What a document cites (out) or what cites it (in), to a depth, nearest first; at most limit documents (truncated says when more were reachable).");
        api.MapGet("/series", GetSeries).WithName("GetSeries")
            .WithSummary("The timeline of the series a document (or series node) belongs to.");
        api.MapGet("/evolution", GetEvolution).WithName("GetEvolution")
            .WithSummary("Paragraph-by-paragraph changes from one resolution to another.");
        api.MapGet("/source", GetSource).WithName("GetSource")
            .WithSummary("The paragraph of a document that contains a span, with the span marked.");
        api.MapPost("/subgraph", GetSubgraph).WithName("GetSubgraph")
            .WithSummary("Given nodes and the relationships among them (restores a shared view).");
        api.MapGet("/overview", GetOverview).WithName("GetOverview")
            .WithSummary("How many nodes, relationships and documents the graph holds, and whether it may be changed (writes: open, token, off).");
        api.MapGet("/export", Export).WithName("Export")
            .WithSummary("The whole graph as JSON, GraphML or CSV.");
        return endpoints;
    }

    public static async Task<Results<Ok<SearchResultDto>, ProblemHttpResult>> Search(
        string? q, string? limit, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q)) return Problems.Missing("q", "/api/search?q=77/13");
        if (q.Length > 500) return Problems.BadRequest("The search text is too long: at most 500 characters.");
        if (!TryParseLimit(limit, 20, out var max, out var problem)) return problem;
        var hits = await graph.Search.SearchAsync(q.Trim(), max, cancellationToken);
        var result = new List<SearchHitDto>(hits.Count);
        foreach (var hit in hits)
        {
            var node = await graph.Store.TryGetNodeAsync(hit.Id, cancellationToken);
            var label = node is null ? hit.Id : Caption(node);
            var snippet = hit.Kind is SearchHitKind.Symbol ? node?.GetString("title") : hit.Text;
            if (snippet == label) snippet = null;
            result.Add(new SearchHitDto(hit.Id, label, KindOf(hit.Labels), hit.Kind.ToString().ToLowerInvariant(), hit.Labels,
                snippet, hit.Score, node?.IsStub ?? false));
        }
        return TypedResults.Ok(new SearchResultDto(q, result));
    }

    public static async Task<Results<Ok<NodeDetailsDto>, ProblemHttpResult>> GetNode(
        string? id, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id)) return Problems.Missing("id", "/api/node?id=A/RES/77/13");
        var node = await NodeLookup.TryFindAsync(graph.Store, id, cancellationToken);
        if (node is null) return Problems.UnknownNode(id);

        var relationships = await graph.Store.GetRelationshipsAsync(node.Id, Direction.Both, cancellationToken: cancellationToken);
        var weight = CitationWeights.Count(node.Id, relationships);
        // A document's own provenance is its masthead; what helps is where a cited-only document was cited.
        var source = node.HasLabel(Labels.Document) && node.GetString(PropertyNames.Source) == node.Id
            ? null
            : await Provenance.TryExcerptAsync(graph, node.Properties, cancellationToken);
        List<NodeDto>? paragraphs = null;
        if (node.HasLabel(Labels.Document))
        {
            paragraphs = [];
            foreach (var r in relationships.Where(r => r.Type == RelationshipTypes.HasParagraph && r.Start == node.Id))
            {
                if (await graph.Store.TryGetNodeAsync(r.End, cancellationToken) is { } paragraph) paragraphs.Add(NodeDto.From(paragraph));
            }
            paragraphs.Sort((a, b) => Ordinal(a).CompareTo(Ordinal(b)));
        }
        var official = node.HasLabel(Labels.Document) ? OfficialUrl(node.GetString("symbol") ?? node.Id) : null;
        return TypedResults.Ok(new NodeDetailsDto(NodeDto.From(node, weight), relationships.Count, weight, source, paragraphs, official));
    }

    public static async Task<Results<Ok<GraphDto>, ProblemHttpResult>> GetNeighbours(
        string? id, string? types, string? direction, string? limit, string? offset, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id)) return Problems.Missing("id", "/api/neighbours?id=A/RES/77/13");
        if (!TryParseTypes(types, out var typeList, out var problem)) return problem;
        if (!TryParseDirection(direction, Direction.Both, out var dir, out problem)) return problem;
        if (!TryParseLimit(limit, 25, out var pageSize, out problem)) return problem;
        if (!TryParseCount(offset, "offset", 0, int.MaxValue, 0, out var skip, out problem)) return problem;
        var node = await NodeLookup.TryFindAsync(graph.Store, id, cancellationToken);
        if (node is null) return Problems.UnknownNode(id);

        var neighbourhood = await graph.Neighbours.TryGetNeighboursAsync(node.Id, dir, typeList, int.MaxValue, cancellationToken);
        if (neighbourhood is null) return Problems.UnknownNode(id);

        // One neighbour can be reached by several relationships; page over neighbours, the most telling
        // relationship types first (citations before paragraphs), then by id for a stable order.
        var byNeighbour = neighbourhood.Relationships
            .GroupBy(r => r.Start == node.Id ? r.End : r.Start)
            .Where(g => g.Key != node.Id || g.All(r => r.Start == r.End))
            .OrderBy(g => g.Min(r => TypeRank(r.Type)))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var page = byNeighbour.Skip(skip).Take(pageSize).ToList();
        var nodesById = neighbourhood.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var nodes = new List<NodeDto> { await WithWeightAsync(graph, node, cancellationToken) };
        foreach (var group in page)
        {
            if (group.Key != node.Id && nodesById.TryGetValue(group.Key, out var neighbour))
                nodes.Add(await WithWeightAsync(graph, neighbour, cancellationToken));
        }
        var relationships = page.SelectMany(g => g).Select(RelationshipDto.From).ToList();
        return TypedResults.Ok(new GraphDto(nodes, relationships, byNeighbour.Count, skip + page.Count < byNeighbour.Count));
    }

    /// <summary>Most paths one request returns: enough to compare routes, few enough to draw.</summary>
    private const int MaxPaths = 10;

    public static async Task<Results<Ok<PathDto>, ProblemHttpResult>> FindPath(
        string? from, string? to, string? types, string? direction, string? k, GraphServices graph, CancellationToken cancellationToken)
    {
        const string Example = "/api/path?from=A/RES/77/13&to=S/RES/1631 (2005)&types=CITES&direction=out&k=3";
        if (string.IsNullOrWhiteSpace(from)) return Problems.Missing("from", Example);
        if (string.IsNullOrWhiteSpace(to)) return Problems.Missing("to", Example);
        if (!TryParseTypes(types, out var typeList, out var problem)) return problem;
        if (!TryParseDirection(direction, Direction.Both, out var dir, out problem)) return problem;
        if (!TryParseCount(k, "k", 1, MaxPaths, 1, out var maxPaths, out problem)) return problem;
        var start = await NodeLookup.TryFindAsync(graph.Store, from, cancellationToken);
        if (start is null) return Problems.UnknownNode(from);
        var end = await NodeLookup.TryFindAsync(graph.Store, to, cancellationToken);
        if (end is null) return Problems.UnknownNode(to);

        var paths = await graph.Paths.FindShortestPathsAsync(start.Id, end.Id, new PathQuery(typeList, dir, maxPaths), cancellationToken);
        if (paths.Count == 0) return TypedResults.Ok(new PathDto(false, 0, [], [], []));
        // Every path's elements once, the first path's first: a client that reads one path still finds it in order.
        var nodes = new List<NodeDto>();
        var relationships = new List<RelationshipDto>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var n in path.Nodes)
                if (seen.Add("n:" + n.Id)) nodes.Add(await WithWeightAsync(graph, n, cancellationToken));
            foreach (var r in path.Relationships)
                if (seen.Add("r:" + r.Id)) relationships.Add(RelationshipDto.From(r));
        }
        var steps = paths.Select(p => new PathStepsDto([.. p.Nodes.Select(n => n.Id)], [.. p.Relationships.Select(r => r.Id)])).ToList();
        return TypedResults.Ok(new PathDto(true, paths[0].Relationships.Count, nodes, relationships, steps));
    }

    public static async Task<Results<Ok<GraphDto>, ProblemHttpResult>> GetCitations(
        string? id, string? direction, string? depth, string? limit, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id)) return Problems.Missing("id", "/api/citations?id=A/RES/77/13&direction=out&depth=2");
        if (!TryParseDirection(direction, Direction.Outgoing, out var dir, out var problem)) return problem;
        if (!TryParseCount(depth, "depth", 1, MaxDepth, 1, out var steps, out problem)) return problem;
        if (!TryParseCount(limit, "limit", 1, MaxChainNodes, CitationChain.DefaultMaxNodes, out var maxNodes, out problem)) return problem;
        var node = await NodeLookup.TryFindAsync(graph.Store, id, cancellationToken);
        if (node is null) return Problems.UnknownNode(id);
        if (!node.HasLabel(Labels.Document))
            return Problems.BadRequest($"Citation chains start at a document; '{node.Id}' is a {KindOf([.. node.Labels])}.");

        var chain = await graph.Citations.TryGetCitationChainAsync(node.Id, dir, steps, CitationFilter.None, maxNodes, cancellationToken);
        if (chain is null) return Problems.UnknownNode(id);
        return TypedResults.Ok(await ToDtoAsync(graph, chain.Graph, cancellationToken) with { Truncated = chain.Truncated });
    }

    public static async Task<Results<Ok<SeriesDto>, ProblemHttpResult>> GetSeries(
        string? id, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id)) return Problems.Missing("id", "/api/series?id=A/RES/77/13");
        var node = await NodeLookup.TryFindAsync(graph.Store, id, cancellationToken);
        if (node is null) return Problems.UnknownNode(id);
        var timeline = await graph.Series.TryGetTimelineAsync(node.Id, cancellationToken);
        if (timeline is null) return Problems.UnknownNode(id);

        NodeDto? series = null;
        if (timeline.SeriesId is not null && await graph.Store.TryGetNodeAsync(timeline.SeriesId, cancellationToken) is { } s)
            series = NodeDto.From(s);
        var documents = new List<NodeDto>(timeline.Entries.Count);
        foreach (var entry in timeline.Entries)
        {
            if (await graph.Store.TryGetNodeAsync(entry.DocumentId, cancellationToken) is { } doc)
                documents.Add(await WithWeightAsync(graph, doc, cancellationToken));
        }
        return TypedResults.Ok(new SeriesDto(series, timeline.Title, documents, [.. timeline.Graph.Relationships.Select(RelationshipDto.From)]));
    }

    public static async Task<Results<Ok<EvolutionDto>, ProblemHttpResult>> GetEvolution(
        string? from, string? to, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(from)) return Problems.Missing("from", "/api/evolution?from=A/RES/71/12&to=A/RES/77/13");
        if (string.IsNullOrWhiteSpace(to)) return Problems.Missing("to", "/api/evolution?from=A/RES/71/12&to=A/RES/77/13");
        var earlier = await NodeLookup.TryFindAsync(graph.Store, from, cancellationToken);
        if (earlier is null) return Problems.UnknownNode(from);
        var later = await NodeLookup.TryFindAsync(graph.Store, to, cancellationToken);
        if (later is null) return Problems.UnknownNode(to);
        foreach (var doc in new[] { earlier, later })
        {
            if (!doc.HasLabel(Labels.Document))
                return Problems.BadRequest($"Evolution compares two documents; '{doc.Id}' is a {KindOf([.. doc.Labels])}.");
            if (doc.IsStub)
                return Problems.Unprocessable($"'{doc.Id}' is known only because other documents cite it: the corpus has no text of it to compare.");
        }

        var evolution = await graph.Evolution.TryCompareAsync(earlier.Id, later.Id, cancellationToken);
        if (evolution is null)
            return Problems.Unprocessable($"'{earlier.Id}' and '{later.Id}' cannot be compared: one of them has no paragraphs.");
        var counts = Enum.GetValues<ParagraphChangeKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), evolution.Count);
        var changes = evolution.Changes.Select(ToDto).ToList();
        return TypedResults.Ok(new EvolutionDto(NodeDto.From(earlier), NodeDto.From(later), counts, changes));
    }

    public static async Task<Results<Ok<SourceExcerptDto>, ProblemHttpResult>> GetSource(
        string? document, string? start, string? end, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(document)) return Problems.Missing("document", "/api/source?document=A/RES/77/13&start=100&end=120");
        if (!TryParseCount(start, "start", 0, int.MaxValue, -1, out var from, out var problem)) return problem;
        if (!TryParseCount(end, "end", 0, int.MaxValue, -1, out var until, out problem)) return problem;
        if (from < 0 || until < 0) return Problems.BadRequest("Both 'start' and 'end' are required: the span's offsets in the document's text.");
        if (until < from) return Problems.BadRequest("'end' must not be before 'start'.");
        var doc = await NodeLookup.TryFindAsync(graph.Store, document, cancellationToken);
        if (doc is null) return Problems.UnknownNode(document);
        var properties = new Dictionary<string, object?>
        {
            [PropertyNames.Source] = doc.Id, [PropertyNames.SpanStart] = (long)from, [PropertyNames.SpanEnd] = (long)until,
        };
        var excerpt = await Provenance.TryExcerptAsync(graph, properties, cancellationToken);
        return excerpt is null
            ? Problems.NotFound($"The text of '{doc.Id}' is not in the store, or the span {from}..{until} lies outside it.")
            : TypedResults.Ok(excerpt);
    }

    public static async Task<Results<Ok<GraphDto>, ProblemHttpResult>> GetSubgraph(
        SubgraphRequest? request, GraphServices graph, CancellationToken cancellationToken)
    {
        if (request?.Ids is not { } ids) return Problems.BadRequest("Send {\"ids\": [\"A/RES/77/13\", …]}: the ids of the nodes to return.");
        if (ids.Count > MaxSubgraphIds) return Problems.BadRequest($"At most {MaxSubgraphIds} ids at once.");
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<NodeDto>();
        foreach (var id in ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal))
        {
            if (await graph.Store.TryGetNodeAsync(id, cancellationToken) is not { } node || !wanted.Add(node.Id)) continue;
            nodes.Add(await WithWeightAsync(graph, node, cancellationToken));
        }
        var relationships = new List<RelationshipDto>();
        foreach (var id in wanted)
        {
            foreach (var r in await graph.Store.GetRelationshipsAsync(id, Direction.Outgoing, cancellationToken: cancellationToken))
            {
                if (wanted.Contains(r.End)) relationships.Add(RelationshipDto.From(r));
            }
        }
        return TypedResults.Ok(new GraphDto(nodes, relationships));
    }

    public static async Task<Ok<OverviewDto>> GetOverview(
        GraphServices graph, Microsoft.Extensions.Options.IOptions<Security.AccessOptions> access, CancellationToken cancellationToken)
    {
        var counts = await graph.Store.CountAsync(cancellationToken);
        // The explorer offers its writes (uploads, "Fetch from the UN") only where they can succeed.
        var writes = access.Value.AllowWrites ? "open" : access.Value.TokenConfigured ? "token" : "off";
        return TypedResults.Ok(new OverviewDto(counts.Nodes, counts.Relationships, counts.Documents, writes));
    }

    public static async Task<Results<PushStreamHttpResult, FileContentHttpResult, ProblemHttpResult>> Export(
        string? format, string? table, string? id, string? direction, string? depth, GraphServices graph, CancellationToken cancellationToken)
    {
        var chosen = (format ?? "").Trim().ToLowerInvariant();
        if (chosen == "png")
        {
            return await ExportPictureAsync(id, direction, depth, graph, cancellationToken) switch
            {
                { Result: FileContentHttpResult file } => file,
                { Result: ProblemHttpResult problem } => problem,
                var other => throw new InvalidOperationException("Unexpected picture result " + other.Result),
            };
        }
        if (chosen is not ("json" or "graphml" or "csv"))
            return Problems.BadRequest($"Unknown export format '{format}'. Choose json, graphml, csv, or png with id= (a document's citation chain).");
        var csvTable = (table ?? "nodes").Trim().ToLowerInvariant();
        if (chosen == "csv" && csvTable is not ("nodes" or "relationships"))
            return Problems.BadRequest($"Unknown CSV table '{table}'. Choose table=nodes or table=relationships.");

        var write = await GraphExport.WriterAsync(chosen, csvTable, graph, cancellationToken);
        var (contentType, fileName) = chosen switch
        {
            "json" => ("application/json", "graph.json"),
            "graphml" => ("application/graphml+xml", "graph.graphml"),
            _ => ("text/csv", $"graph-{csvTable}.csv"),
        };
        return TypedResults.Stream(body => GraphExport.StreamAsync(write, body, cancellationToken), contentType, fileName);
    }

    /// <summary>
    /// A document's citation chain as a picture: the whole graph has thousands of nodes and no readable
    /// drawing, so a PNG is always of one document's chain (both ways, depth 1 unless asked).
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportPictureAsync(
        string? id, string? direction, string? depth, GraphServices graph, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id)) return Problems.Missing("id", "/api/export?format=png&id=A/RES/77/13&direction=both&depth=2");
        if (!TryParseDirection(direction, Direction.Both, out var dir, out var problem)) return problem;
        if (!TryParseCount(depth, "depth", 1, MaxPictureDepth, 1, out var steps, out problem)) return problem;
        var node = await NodeLookup.TryFindAsync(graph.Store, id, cancellationToken);
        if (node is null) return Problems.UnknownNode(id);
        if (!node.HasLabel(Labels.Document))
            return Problems.BadRequest($"A PNG shows a document's citation chain; '{node.Id}' is a {KindOf([.. node.Labels])}.");
        var chain = await graph.Citations.TryGetCitationChainAsync(node.Id, dir, steps, CitationFilter.None, CitationPicture.MaxDocuments, cancellationToken);
        if (chain is null) return Problems.UnknownNode(id);

        var caption = dir switch
        {
            Direction.Outgoing => $"What {node.Id} cites, depth {steps}",
            Direction.Incoming => $"What cites {node.Id}, depth {steps}",
            _ => $"Citations of {node.Id}, both ways, depth {steps}",
        };
        var picture = CitationPicture.Draw(chain.Graph, node.Id, caption, chain.Truncated);
        return TypedResults.File(picture, "image/png", "citations-" + FileNameSafe(node.Id) + ".png");
    }

    private static string FileNameSafe(string id) =>
        string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static ParagraphChangeDto ToDto(ParagraphChange change)
    {
        DiffParagraphDto? from = change.FromId is null ? null : new(change.FromId, change.FromNumber, change.ParagraphKind, change.FromText ?? "");
        DiffParagraphDto? to = change.ToId is null ? null : new(change.ToId, change.ToNumber, change.ParagraphKind, change.ToText ?? "");
        var words = change.Diff.Count == 0 ? null : change.Diff.Select(d => new WordChangeDto(d.Operation switch
        {
            DiffOperation.Inserted => "insert",
            DiffOperation.Deleted => "delete",
            _ => "equal",
        }, d.Text)).ToList();
        return new ParagraphChangeDto(change.Kind.ToString().ToLowerInvariant(), from, to, change.Similarity, words);
    }

    private static async Task<GraphDto> ToDtoAsync(GraphServices graph, GraphData data, CancellationToken cancellationToken)
    {
        var nodes = new List<NodeDto>(data.Nodes.Count);
        foreach (var n in data.Nodes) nodes.Add(await WithWeightAsync(graph, n, cancellationToken));
        return new GraphDto(nodes, [.. data.Relationships.Select(RelationshipDto.From)]);
    }

    private static async Task<NodeDto> WithWeightAsync(GraphServices graph, GraphNode node, CancellationToken cancellationToken)
    {
        if (!node.HasLabel(Labels.Document)) return NodeDto.From(node);
        return NodeDto.From(node, await CitationWeights.CountCitingDocumentsAsync(graph, node.Id, cancellationToken));
    }

    /// <summary>Which relationships an expansion shows first: what a reader follows most.</summary>
    private static int TypeRank(string type) => type switch
    {
        RelationshipTypes.Cites => 0,
        RelationshipTypes.Succeeds => 1,
        RelationshipTypes.InSeries => 2,
        RelationshipTypes.AdoptedFrom => 3,
        RelationshipTypes.PartyTo => 4,
        RelationshipTypes.Mentions => 5,
        RelationshipTypes.Requests => 6,
        RelationshipTypes.AdoptedAt => 7,
        RelationshipTypes.InSession => 8,
        RelationshipTypes.HasParagraph => 9,
        RelationshipTypes.HasFootnote => 10,
        _ => 6,
    };

    private static long Ordinal(NodeDto paragraph) =>
        paragraph.Properties.TryGetValue("ordinal", out var value) && value is long l ? l : long.MaxValue;

    /// <summary>undocs.org resolves a symbol written without the space before a bracketed year: S/RES/1631(2005).</summary>
    internal static string OfficialUrl(string symbol) =>
        "https://undocs.org/" + string.Join('/', symbol.Replace(" (", "(", StringComparison.Ordinal).Split('/').Select(Uri.EscapeDataString));

    internal static string Caption(GraphNode node)
    {
        if (node.HasLabel(Labels.Paragraph) && node.Id.IndexOf('#', StringComparison.Ordinal) is var hash and > 0)
        {
            var where = node.GetString("number") is { } number ? $"operative paragraph {number}" : $"preambular paragraph {node.Id[(hash + 3)..]}";
            return $"{node.Id[..hash]}, {where}";
        }
        return node.GetString("symbol") ?? node.GetString("name") ?? node.GetString("title") ?? node.Id;
    }

    internal static string KindOf(IReadOnlyCollection<string> labels)
    {
        string[] order =
        [
            Labels.Resolution, Labels.Decision, Labels.PresidentialStatement, Labels.Report, Labels.Letter, Labels.Draft,
            Labels.MeetingRecord, Labels.Paragraph, Labels.Footnote, Labels.Organization, Labels.Operation, Labels.Agreement,
            Labels.Meeting, Labels.Session, Labels.Series, Labels.Document,
        ];
        return order.FirstOrDefault(labels.Contains) ?? labels.FirstOrDefault() ?? "Node";
    }

    private static bool TryParseLimit(string? text, int fallback, out int limit, out ProblemHttpResult problem) =>
        TryParseCount(text, "limit", 1, MaxLimit, fallback, out limit, out problem);

    private static bool TryParseCount(string? text, string name, int min, int max, int fallback, out int value, out ProblemHttpResult problem)
    {
        problem = null!;
        value = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        problem = Problems.BadRequest($"'{name}' must be a whole number from {min} to {max}; '{text}' is not.");
        return false;
    }

    private static bool TryParseDirection(string? text, Direction fallback, out Direction direction, out ProblemHttpResult problem)
    {
        problem = null!;
        direction = fallback;
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "": return true;
            case "out" or "outgoing" or "cites": direction = Direction.Outgoing; return true;
            case "in" or "incoming" or "cited-by": direction = Direction.Incoming; return true;
            case "both": direction = Direction.Both; return true;
            default:
                problem = Problems.BadRequest($"'direction' must be 'in' (cited by), 'out' (cites) or 'both'; '{text}' is not.");
                return false;
        }
    }

    private static bool TryParseTypes(string? text, out IReadOnlyCollection<string>? types, out ProblemHttpResult problem)
    {
        problem = null!;
        types = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var list = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = list.FirstOrDefault(t => !t.All(c => c is (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9')));
        if (bad is not null)
        {
            problem = Problems.BadRequest($"'{bad}' is not a relationship type. Types are upper-case, comma-separated: CITES,MENTIONS,HAS_PARAGRAPH.");
            return false;
        }
        types = list;
        return true;
    }
}
