using Graph.Model;
using Graph.Store;

namespace Graph.Web.Endpoints;

/// <summary>
/// Where a fact came from: the paragraph of the source document whose span contains the fact's span,
/// with the fact's own words marked, so the explorer can show the sentence that stated it.
/// </summary>
internal static class Provenance
{
    /// <summary>How much text to show around a span that lies outside every paragraph (a title, a masthead).</summary>
    private const int Context = 240;

    public static async ValueTask<SourceExcerptDto?> TryExcerptAsync(
        GraphServices graph, IReadOnlyDictionary<string, object?> properties, CancellationToken cancellationToken)
    {
        if (!properties.TryGetValue(PropertyNames.Source, out var s) || s is not string source) return null;
        if (!TryGetOffset(properties, PropertyNames.SpanStart, out var start) || !TryGetOffset(properties, PropertyNames.SpanEnd, out var end)) return null;
        var text = await graph.Texts.TryGetDocumentTextAsync(source, cancellationToken);
        if (text is null || start < 0 || end > text.Length || end < start) return null;

        // The paragraph that holds the span, if the document has one there.
        var paragraphs = await graph.Store.GetRelationshipsAsync(source, Direction.Outgoing, [RelationshipTypes.HasParagraph], cancellationToken: cancellationToken);
        foreach (var link in paragraphs)
        {
            if (await graph.Store.TryGetNodeAsync(link.End, cancellationToken) is not { } paragraph) continue;
            if (!TryGetOffset(paragraph.Properties, PropertyNames.SpanStart, out var pStart) || !TryGetOffset(paragraph.Properties, PropertyNames.SpanEnd, out var pEnd)) continue;
            if (pStart > start || pEnd < end || pEnd > text.Length) continue;
            return new SourceExcerptDto(source, text[pStart..pEnd], start - pStart, end - pStart, paragraph.Id);
        }

        var from = Math.Max(0, start - Context);
        var to = Math.Min(text.Length, end + Context);
        return new SourceExcerptDto(source, text[from..to], start - from, end - from, null);
    }

    private static bool TryGetOffset(IReadOnlyDictionary<string, object?> properties, string key, out int offset)
    {
        offset = -1;
        if (!properties.TryGetValue(key, out var value)) return false;
        switch (value)
        {
            case long l when l is >= 0 and <= int.MaxValue: offset = (int)l; return true;
            case int i when i >= 0: offset = i; return true;
            case double d when d >= 0 && d <= int.MaxValue: offset = (int)d; return true;
            default: return false;
        }
    }
}
