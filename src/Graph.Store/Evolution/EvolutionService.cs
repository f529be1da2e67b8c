using Graph.Model;

namespace Graph.Store.Evolution;

/// <summary>Mandate evolution through any <see cref="IGraphReader"/>: paragraphs are read through HAS_PARAGRAPH.</summary>
public sealed class EvolutionService(IGraphReader reader, ISeriesService series) : IEvolutionService
{
    public async ValueTask<MandateEvolution?> TryCompareAsync(string fromId, string toId, CancellationToken cancellationToken = default)
    {
        var from = await ParagraphsAsync(fromId, cancellationToken).ConfigureAwait(false);
        var to = await ParagraphsAsync(toId, cancellationToken).ConfigureAwait(false);
        if (from is null || to is null) return null;
        return new MandateEvolution(fromId, toId, ParagraphAligner.Align(from, to));
    }

    public async ValueTask<IReadOnlyList<MandateEvolution>> CompareSeriesAsync(string seriesOrDocumentId, CancellationToken cancellationToken = default)
    {
        var timeline = await series.TryGetTimelineAsync(seriesOrDocumentId, cancellationToken).ConfigureAwait(false);
        if (timeline is null) return [];
        var full = new List<(string Id, IReadOnlyList<EvolutionParagraph> Paragraphs)>();
        foreach (var entry in timeline.Entries)
            if (await ParagraphsAsync(entry.DocumentId, cancellationToken).ConfigureAwait(false) is { } paragraphs)
                full.Add((entry.DocumentId, paragraphs));
        return [.. full.Zip(full.Skip(1), (a, b) => new MandateEvolution(a.Id, b.Id, ParagraphAligner.Align(a.Paragraphs, b.Paragraphs)))];
    }

    /// <summary>The document's paragraphs in order; null when it is unknown or has none.</summary>
    private async ValueTask<IReadOnlyList<EvolutionParagraph>?> ParagraphsAsync(string documentId, CancellationToken cancellationToken)
    {
        var paragraphs = new List<(long Ordinal, EvolutionParagraph Paragraph)>();
        foreach (var relationship in await reader.GetRelationshipsAsync(documentId, Direction.Outgoing, [RelationshipTypes.HasParagraph], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (await reader.TryGetNodeAsync(relationship.End, cancellationToken).ConfigureAwait(false) is not { } node) continue;
            if (node.GetString("kind") is not ("preambular" or "operative" or "subparagraph") || node.GetString("text") is not { } text) continue;
            var ordinal = node.Properties.TryGetValue("ordinal", out var value) && value is long l ? l : long.MaxValue;
            // A sub-paragraph is aligned among the operative part, where it stands.
            var kind = node.GetString("kind") == "subparagraph" ? "operative" : node.GetString("kind")!;
            paragraphs.Add((ordinal, new EvolutionParagraph(node.Id, kind, node.GetString("number"), text)));
        }
        return paragraphs.Count == 0 ? null : [.. paragraphs.OrderBy(p => p.Ordinal).ThenBy(p => p.Paragraph.Id, StringComparer.Ordinal).Select(p => p.Paragraph)];
    }
}
