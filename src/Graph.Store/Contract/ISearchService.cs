namespace Graph.Store;

/// <summary>What a search hit is: the field that matched decides how the explorer shows it.</summary>
public enum SearchHitKind
{
    /// <summary>A document symbol or alias (A/RES/77/13, S/2022/606).</summary>
    Symbol,

    /// <summary>A document or series title.</summary>
    Title,

    Organization,

    Operation,

    /// <summary>Words of a paragraph's text.</summary>
    Paragraph,

    /// <summary>Any other named node (agreement, meeting, session).</summary>
    Other,
}

/// <summary>
/// One search result. <see cref="Text"/> is the matched field (a title, a name, or a snippet of the
/// paragraph around the first match); higher <see cref="Score"/> is better.
/// </summary>
public sealed record SearchHit(string Id, IReadOnlyList<string> Labels, SearchHitKind Kind, string Text, double Score);

/// <summary>Full-text search over symbols, titles, organisations, operations and paragraph text.</summary>
public interface ISearchService
{
    /// <summary>
    /// Hits for <paramref name="query"/>, best first: an exact symbol first, then symbol prefixes, names
    /// and titles, then paragraphs by how many query words they contain. Empty for a blank query.
    /// </summary>
    ValueTask<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default);
}
