using Graph.Model;
using static Graph.Store.Tests.Contract.ContractDocuments;

namespace Graph.Store.Tests.Contract;

public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task NeighboursListTheNodeItsRelationshipsAndTheirOtherEnds()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var services = ServicesFor(store);

        var neighbours = await services.Neighbours.TryGetNeighboursAsync(Res7112, Direction.Both, [RelationshipTypes.Cites], 100, Token);

        Assert.NotNull(neighbours);
        Assert.Equal(Res7112, neighbours.Nodes[0].Id);
        // Document-level citations both ways, and the paragraph of 77/13 that cites it.
        Assert.Equal([Res5950, Res6912, Res7112, Res7713, $"{Res7713}#pp2", Sc1631], neighbours.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(5, neighbours.Relationships.Count);
        Assert.All(neighbours.Relationships, r => Assert.True(r.Start == Res7112 || r.End == Res7112));
        Assert.Equal(2, (await services.Neighbours.TryGetNeighboursAsync(Res7112, limit: 2, cancellationToken: Token))!.Relationships.Count);
        Assert.Null(await services.Neighbours.TryGetNeighboursAsync("A/RES/0/0", cancellationToken: Token));
    }

    [Fact]
    public async Task FindsAShortestPathInPathOrder()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var services = ServicesFor(store);

        var path = await services.Paths.TryFindShortestPathAsync(Prst, Res6912, [RelationshipTypes.Cites, RelationshipTypes.Succeeds], directed: true, Token);

        Assert.NotNull(path);
        Assert.Equal(Prst, path.Nodes[0].Id);
        Assert.Equal(Res6912, path.Nodes[^1].Id);
        Assert.Equal(2, path.Relationships.Count); // S/PRST/2023/1 → 77/13 → 69/12
        Assert.Equal([Prst, Res7713, Res6912], path.Nodes.Select(n => n.Id));
        for (var i = 0; i < path.Relationships.Count; i++)
        {
            Assert.Equal(path.Nodes[i].Id, path.Relationships[i].Start);
            Assert.Equal(path.Nodes[i + 1].Id, path.Relationships[i].End);
        }

        var undirected = await services.Paths.TryFindShortestPathAsync(Res6912, Prst, cancellationToken: Token);
        Assert.Equal(2, undirected!.Relationships.Count);
        Assert.Null(await services.Paths.TryFindShortestPathAsync(Res6912, Prst, directed: true, cancellationToken: Token));
        Assert.Null(await services.Paths.TryFindShortestPathAsync(Res7713, Lonely, cancellationToken: Token));
        Assert.Null(await services.Paths.TryFindShortestPathAsync(Res7713, "A/RES/0/0", cancellationToken: Token));
        Assert.Single((await services.Paths.TryFindShortestPathAsync(Res7713, Res7713, cancellationToken: Token))!.Nodes);
    }

    [Fact]
    public async Task FindsShortestPathsInAChosenDirectionAlongChosenTypes()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var paths = ServicesFor(store).Paths;
        string[] citations = [RelationshipTypes.Cites];

        // Backwards along citations: 69/12 is cited by 77/13, which the statement cites.
        var citedBy = await paths.FindShortestPathsAsync(Res6912, Prst, new PathQuery(citations, Direction.Incoming), Token);
        Assert.Equal([Res6912, Res7713, Prst], Assert.Single(citedBy).Nodes.Select(n => n.Id));
        Assert.Equal([Res7713, Prst], citedBy[0].Relationships.Select(r => r.Start));
        Assert.Empty(await paths.FindShortestPathsAsync(Res6912, Prst, new PathQuery(citations, Direction.Outgoing), Token));
        Assert.Equal([Prst, Res7713, Res6912],
            Assert.Single(await paths.FindShortestPathsAsync(Prst, Res6912, new PathQuery(citations, Direction.Outgoing), Token)).Nodes.Select(n => n.Id));

        // 59/50 and 69/12 are both cited by 77/13 and by 71/12: two shortest paths of two steps, each one in path order.
        var several = await paths.FindShortestPathsAsync(Res5950, Res6912, new PathQuery(citations, Direction.Both, MaxPaths: 5), Token);
        Assert.NotEmpty(several);
        Assert.All(several, p =>
        {
            Assert.Equal(2, p.Relationships.Count);
            Assert.Equal(Res5950, p.Nodes[0].Id);
            Assert.Equal(Res6912, p.Nodes[^1].Id);
        });
        Assert.Equal(several.Count, several.Select(p => string.Join(",", p.Nodes.Select(n => n.Id))).Distinct().Count());
        Assert.Empty(await paths.FindShortestPathsAsync(Res7713, Lonely, new PathQuery(MaxPaths: 3), Token));
    }

    [Fact]
    public async Task FollowsCitationChainsToADepthWithFilters()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var citations = ServicesFor(store).Citations;

        async Task<string[]> Chain(string id, Direction direction, int depth, CitationFilter? filter = null) =>
            [.. (await citations.TryGetCitationChainAsync(id, direction, depth, filter, cancellationToken: Token))!.Graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal)];

        Assert.Equal([Res5950, Res6912, Res7112, Res7713, Sc1631], await Chain(Res7713, Direction.Outgoing, 1));
        Assert.Equal([Res7112, Res7713, Prst], await Chain(Res7112, Direction.Incoming, 2));
        Assert.Equal([Res7112, Res7713], await Chain(Res7112, Direction.Incoming, 1));
        Assert.Equal([Res7713, Sc1631], await Chain(Res7713, Direction.Outgoing, 2, new CitationFilter(Body: "security council")));
        // Only resolutions are kept and followed: the stubs (no kind) and the council's statement are not.
        Assert.Equal([Res7112, Res7713, Prst], await Chain(Prst, Direction.Outgoing, 2, new CitationFilter(Kind: "resolution")));
        Assert.Equal([Res7112], await Chain(Res7112, Direction.Incoming, 2, new CitationFilter(Kind: "presidential statement")));
        // 77/13 (2022) is outside the years, so the statement behind it is not reached.
        Assert.Equal([Res7112], await Chain(Res7112, Direction.Incoming, 2, new CitationFilter(FromYear: 2023)));

        var chain = (await citations.TryGetCitationChainAsync(Prst, Direction.Outgoing, 2, cancellationToken: Token))!.Graph;
        Assert.All(chain.Relationships, r => Assert.Equal(RelationshipTypes.Cites, r.Type));
        Assert.DoesNotContain(chain.Relationships, r => r.Start.Contains('#', StringComparison.Ordinal));
        Assert.Null(await citations.TryGetCitationChainAsync("A/RES/0/0", Direction.Outgoing, 1, cancellationToken: Token));
    }

    [Fact]
    public async Task CutsACitationChainAtItsBudgetNearestFirstAndSaysSo()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var citations = ServicesFor(store).Citations;

        var whole = (await citations.TryGetCitationChainAsync(Prst, Direction.Outgoing, 3, cancellationToken: Token))!;
        Assert.False(whole.Truncated);
        var direct = (await citations.TryGetCitationChainAsync(Prst, Direction.Outgoing, 1, cancellationToken: Token))!.Graph.Nodes.Select(n => n.Id).ToHashSet();

        // The statement cites 77/13 (and what else it cites directly) before anything 77/13 cites is reached.
        var cut = (await citations.TryGetCitationChainAsync(Prst, Direction.Outgoing, 3, maxNodes: direct.Count, cancellationToken: Token))!;
        Assert.True(cut.Truncated, $"{direct.Count} of {whole.Graph.Nodes.Count} documents kept, yet not truncated");
        Assert.Equal(Prst, cut.Graph.Nodes[0].Id);
        Assert.Equal(direct.Order(StringComparer.Ordinal), cut.Graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.All(cut.Graph.Relationships, r => Assert.True(direct.Contains(r.Start) && direct.Contains(r.End), r.Id));

        var exact = (await citations.TryGetCitationChainAsync(Prst, Direction.Outgoing, 3, maxNodes: whole.Graph.Nodes.Count, cancellationToken: Token))!;
        Assert.False(exact.Truncated);
        Assert.Equal(whole.Graph.Nodes.Count, exact.Graph.Nodes.Count);
    }

    [Fact]
    public async Task RanksTheMostCitedByDistinctCitingDocuments()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var citations = ServicesFor(store).Citations;

        var ranked = await citations.GetMostCitedAsync(10, cancellationToken: Token);

        Assert.Equal(
            [$"{Res5950}=2", $"{Res6912}=2", $"{Sc1631}=2", $"{Res7112}=1", $"{Res7713}=1"],
            ranked.Select(r => $"{r.Id}={r.Score}"));
        Assert.True(ranked[0].Stub);
        Assert.Equal([Sc1631], (await citations.GetMostCitedAsync(10, new CitationFilter(Body: "Security Council"), Token)).Select(r => r.Id));
    }

    [Fact]
    public async Task RanksDocumentsByPageRank()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var ranked = await ServicesFor(store).Citations.GetPageRankAsync(100, cancellationToken: Token);

        Assert.Equal(7, ranked.Count);
        Assert.Equal(1.0, ranked.Sum(r => r.Score), 6);
        // Everything 77/13 cites inherits from it; nothing cites the statement or the lonely resolution.
        var score = ranked.ToDictionary(r => r.Id, r => r.Score);
        Assert.True(score[Res6912] > score[Res7112]);
        Assert.True(score[Res7112] > score[Prst]);
        Assert.Equal(score[Prst], score[Lonely], 9);
        Assert.Equal(ranked.OrderByDescending(r => r.Score).Select(r => r.Id), ranked.Select(r => r.Id));
    }

    [Fact]
    public async Task ListsASeriesInDateOrderWithItsStubs()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var series = ServicesFor(store).Series;

        var timeline = await series.TryGetTimelineAsync(Res7713, Token);

        Assert.NotNull(timeline);
        Assert.Equal(Series, timeline.SeriesId);
        Assert.StartsWith("Cooperation between the United Nations", timeline.Title, StringComparison.Ordinal);
        Assert.Equal([Res6912, Res7112, Res7713], timeline.Entries.Select(e => e.DocumentId));
        Assert.Equal([true, false, false], timeline.Entries.Select(e => e.Stub));
        Assert.Equal("2014-11-11", timeline.Entries[0].AdoptionDate);
        Assert.Contains(timeline.Graph.Relationships, r => r.Type == RelationshipTypes.Succeeds && r.Start == Res7112 && r.End == Res6912);

        var fromSeries = await series.TryGetTimelineAsync(Series, Token);
        Assert.Equal(timeline.Entries, fromSeries!.Entries);
        Assert.Null(await series.TryGetTimelineAsync("series:none", Token));
    }

    [Fact]
    public async Task ComparesTwoDocumentsOfASeriesParagraphByParagraph()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var evolution = ServicesFor(store).Evolution;

        var result = await evolution.TryCompareAsync(Res7112, Res7713, Token);

        Assert.NotNull(result);
        var described = result.Changes.Select(c => $"{c.Kind} {c.FromId?.Split('#')[1] ?? "-"}→{c.ToId?.Split('#')[1] ?? "-"}").ToList();
        Assert.Equal(
            ["Unchanged pp1→pp1", "Reworded pp2→pp2", "Unchanged pp3→pp3", "Inserted -→pp4", "Deleted pp4→-",
             "Unchanged op1→op1", "Reworded op2→op2", "Reworded op3→op3"],
            described);
        var op2 = result.Changes.Single(c => c.ToId == $"{Res7713}#op2");
        Assert.Contains(op2.Diff, d => d is { Operation: DiffOperation.Deleted, Text: "illegal" });
        Assert.Contains(op2.Diff, d => d is { Operation: DiffOperation.Inserted, Text: "irregular" });

        Assert.Null(await evolution.TryCompareAsync(Res6912, Res7713, Token)); // a stub has no paragraphs
        var series = await evolution.CompareSeriesAsync(Series, Token);
        Assert.Equal([(Res7112, Res7713)], series.Select(e => (e.FromId, e.ToId)));
    }

    [Fact]
    public async Task SearchesSymbolsNamesTitlesAndParagraphs()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var search = ServicesFor(store).Search;

        var symbol = await search.SearchAsync("a/res/77/13", 5, Token);
        Assert.Equal(Res7713, symbol[0].Id);
        Assert.Equal(SearchHitKind.Symbol, symbol[0].Kind);

        var organisation = await search.SearchAsync("CSTO", 5, Token);
        Assert.Equal(Csto, organisation[0].Id);
        Assert.Equal(SearchHitKind.Organization, organisation[0].Kind);

        var operation = await search.SearchAsync("Nelegal", 5, Token);
        Assert.Equal("operation:nelegal", operation[0].Id);
        Assert.Contains(operation, h => h.Kind == SearchHitKind.Paragraph && h.Id == $"{Res7713}#pp4");

        var words = await search.SearchAsync("irregular migration", 10, Token);
        Assert.Equal([$"{Res7713}#op2", $"{Res7713}#pp4"], words.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.All(words, h => Assert.Contains("irregular migration", h.Text, StringComparison.Ordinal));

        var titles = await search.SearchAsync("atomic energy", 10, Token);
        Assert.Equal([Lonely], titles.Select(h => h.Id));
        Assert.Equal(SearchHitKind.Title, titles[0].Kind);

        Assert.Empty(await search.SearchAsync("   ", 10, Token));
        Assert.Empty(await search.SearchAsync("zanzibar", 10, Token));
        Assert.True((await search.SearchAsync("Collective Security Treaty", 3, Token)).Count <= 3);
    }

    [Fact]
    public async Task GivesTheTextThatSpansPointInto()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var texts = ServicesFor(store).Texts;
        Assert.Equal(Statement().Text, await texts.TryGetDocumentTextAsync(Prst, Token));
        Assert.Null(await texts.TryGetDocumentTextAsync(Res6912, Token));
    }
}
