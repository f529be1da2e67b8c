using Graph.Model;

namespace Graph.Web.Endpoints;

/// <summary>A node as the explorer draws it: <see cref="Weight"/> is how many documents cite it.</summary>
public sealed record NodeDto(string Id, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties, long Weight)
{
    public static NodeDto From(GraphNode node, long weight = 0) => new(node.Id, [.. node.Labels], node.Properties, weight);
}

public sealed record RelationshipDto(string Id, string Type, string Start, string End, IReadOnlyDictionary<string, object?> Properties)
{
    public static RelationshipDto From(GraphRelationship r) => new(r.Id, r.Type, r.Start, r.End, r.Properties);
}

/// <summary>A piece of the graph. <see cref="Total"/> counts every neighbour when a page of them was asked for.</summary>
public sealed record GraphDto(IReadOnlyList<NodeDto> Nodes, IReadOnlyList<RelationshipDto> Relationships, int? Total = null, bool Truncated = false);

public sealed record SearchHitDto(string Id, string Label, string Kind, string Match, IReadOnlyList<string> Labels, string? Snippet, double Score, bool Stub);

public sealed record SearchResultDto(string Query, IReadOnlyList<SearchHitDto> Hits);

/// <summary>Text around a fact's source span: <see cref="Text"/>[<see cref="HighlightStart"/>..<see cref="HighlightEnd"/>) is the span.</summary>
public sealed record SourceExcerptDto(string Document, string Text, int HighlightStart, int HighlightEnd, string? ParagraphId);

public sealed record NodeDetailsDto(
    NodeDto Node, int Degree, long Weight, SourceExcerptDto? Source, IReadOnlyList<NodeDto>? Paragraphs, string? OfficialUrl);

/// <summary>Shortest paths: every node and relationship on any of them once, and each path as ids in path order.</summary>
public sealed record PathDto(bool Found, int Length, IReadOnlyList<NodeDto> Nodes, IReadOnlyList<RelationshipDto> Relationships, IReadOnlyList<PathStepsDto> Paths);

/// <summary>One path's node ids and relationship ids, in path order.</summary>
public sealed record PathStepsDto(IReadOnlyList<string> Nodes, IReadOnlyList<string> Relationships);

public sealed record SeriesDto(NodeDto? Series, string? Title, IReadOnlyList<NodeDto> Documents, IReadOnlyList<RelationshipDto> Relationships);

public sealed record WordChangeDto(string Op, string Text);

public sealed record DiffParagraphDto(string Id, string? Number, string Kind, string Text);

public sealed record ParagraphChangeDto(string Change, DiffParagraphDto? From, DiffParagraphDto? To, double Similarity, IReadOnlyList<WordChangeDto>? Words);

public sealed record EvolutionDto(NodeDto From, NodeDto To, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ParagraphChangeDto> Changes);

/// <summary>The graph's size, and who may change it: "open" (anyone, Graph:AllowWrites), "token" (the API token's bearer) or "off".</summary>
public sealed record OverviewDto(long Nodes, long Relationships, long Documents, string Writes);

public sealed record SubgraphRequest(IReadOnlyList<string>? Ids);

public sealed record HealthDto(string Status, long Nodes, long Relationships, long Documents, string Store);
