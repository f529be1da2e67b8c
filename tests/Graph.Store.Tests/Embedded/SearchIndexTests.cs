using Graph.Extraction;
using Graph.Model;
using Graph.Store.Embedded;
using Graph.Store.Services;

namespace Graph.Store.Tests.Embedded;

/// <summary>
/// The embedded store's search index on the bundled corpus: symbols in the forms people type, prefixes,
/// the same ranking as reading every node, and the index following ingest, replacement and removal.
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private static readonly DocumentExtractor Extractor = new();
    private static readonly Lazy<IReadOnlyList<GraphDocument>> Corpus = new(() =>
        [.. TestData.CorpusDocumentFiles()
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Select(Extractor.ExtractFile)]);

    private readonly TemporaryDirectory _directory = new();
    private int _stores;

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EmbeddedGraphStore NewStore() => EmbeddedGraphStore.Open(Path.Combine(_directory.Path, $"store{++_stores}"));

    private async Task<EmbeddedGraphStore> CorpusStoreAsync()
    {
        var store = NewStore();
        await store.IngestBatchAsync(Corpus.Value, Token);
        return store;
    }

    [Theory]
    [InlineData("77/13", "A/RES/77/13")]
    [InlineData("A/RES/77/13", "A/RES/77/13")]
    [InlineData("a/res/77/13", "A/RES/77/13")]
    [InlineData("A/RES/77", "A/RES/77/13")]
    [InlineData("1631 (2005)", "S/RES/1631 (2005)")]
    [InlineData("S/RES/1631 (2005)", "S/RES/1631 (2005)")]
    [InlineData("S/PRST/2010/1", "S/PRST/2010/1")]
    [InlineData("71/12", "A/RES/71/12")]
    [InlineData("1631", "S/RES/1631 (2005)")]
    [InlineData("res 77/13", "A/RES/77/13")]
    [InlineData("resolution 77/13", "A/RES/77/13")]
    [InlineData("Res. 1631", "S/RES/1631 (2005)")]
    public async Task FindsADocumentByItsSymbolInTheFormsPeopleType(string query, string expected)
    {
        await using var store = await CorpusStoreAsync();
        var hits = await store.CreateServices().Search.SearchAsync(query, 10, Token);
        Assert.True(hits.Count > 0 && hits[0].Id == expected,
            $"search \"{query}\": expected {expected} first, got [{string.Join(", ", hits.Select(h => $"{h.Id} ({h.Score})"))}]");
        Assert.Equal(SearchHitKind.Symbol, hits[0].Kind);
    }

    [Theory]
    [InlineData("77/13")]
    [InlineData("irregular migration")]
    [InlineData("irreg")]
    [InlineData("Security Council")]
    [InlineData("peacekeeping")]
    [InlineData("African Union")]
    [InlineData("1631 (2005)")]
    [InlineData("S/PRST")]
    [InlineData("the")]
    [InlineData("Requests the Secretary-General")]
    public async Task RanksAsReadingEveryNodeDoes(string query)
    {
        await using var store = await CorpusStoreAsync();
        var indexed = await store.CreateServices().Search.SearchAsync(query, 15, Token);
        var scanned = await new SearchService(store).SearchAsync(query, 15, Token);
        // Equal scores at the cut may be broken differently (the index prefers older paragraphs); the scores must agree.
        Assert.Equal(scanned.Select(h => h.Score), indexed.Select(h => h.Score));
        var cut = scanned.Count == 0 ? 0 : scanned[^1].Score;
        Assert.Equal(scanned.Where(h => h.Score > cut).Select(h => h.Id), indexed.Where(h => h.Score > cut).Select(h => h.Id));
        Assert.All(indexed, h => Assert.Contains(h.Id, scanned.Select(s => s.Id).Concat(indexed.Where(i => i.Score == cut).Select(i => i.Id))));
    }

    [Theory]
    [InlineData("CSTO", "org:collective-security-treaty-organization")]
    [InlineData("csto", "org:collective-security-treaty-organization")]
    [InlineData("Collective Security Treaty", "org:collective-security-treaty-organization")]
    public async Task FindsAnOrganisationByItsNameOrAnAlias(string query, string expected)
    {
        await using var store = await CorpusStoreAsync();
        var hits = await store.CreateServices().Search.SearchAsync(query, 10, Token);
        Assert.True(hits.Count > 0 && hits[0].Id == expected,
            $"search \"{query}\": expected {expected} first, got [{string.Join(", ", hits.Select(h => $"{h.Id} ({h.Score})"))}]");
        Assert.Equal(SearchHitKind.Organization, hits[0].Kind);
        Assert.Equal("Collective Security Treaty Organization", hits[0].Text);
    }

    [Fact]
    public async Task ABareNumberFindsOnlySymbolsHoldingThatWholeNumber()
    {
        await using var store = await CorpusStoreAsync();
        var hits = await store.CreateServices().Search.SearchAsync("163", 20, Token);
        // "163" starts "1631", but S/RES/1631 (2005) is not resolution 163.
        Assert.DoesNotContain(hits, h => h.Id == "S/RES/1631 (2005)" && h.Kind == SearchHitKind.Symbol);
    }

    [Fact]
    public async Task PrefixesMatchTheStartOfWordsOnly()
    {
        await using var store = await CorpusStoreAsync();
        var search = store.CreateServices().Search;

        var prefix = await search.SearchAsync("irregul", 50, Token);
        Assert.Contains(prefix, h => h.Id == "A/RES/77/13#op2");
        Assert.All(prefix.Where(h => h.Kind == SearchHitKind.Paragraph), h => Assert.Contains("irregul", h.Text, StringComparison.OrdinalIgnoreCase));

        // "regular" starts no word of "irregular": a paragraph that only says "irregular" is not a hit.
        var regular = await search.SearchAsync("regular", 200, Token);
        Assert.DoesNotContain(regular, h => h.Id == "A/RES/77/13#op2");
    }

    [Fact]
    public async Task FollowsReplacementAndRemovalOfADocument()
    {
        await using var store = NewStore();
        var search = store.CreateServices().Search;
        var seed = Extractor.ExtractFile(RepositoryFiles.Seed7713);
        await store.IngestAsync(seed, Token);
        Assert.Contains(await search.SearchAsync("irregular migration", 10, Token), h => h.Id == "A/RES/77/13#op2");
        Assert.Empty(await search.SearchAsync("zebrafish", 10, Token));

        // The same document with operative paragraph 2 reworded and a new title.
        var changed = Reworded(seed, "A/RES/77/13#op2", "irregular migration", "zebrafish migration", "Zanzibar cooperation title");
        Assert.Equal(IngestOutcome.Replaced, (await store.IngestAsync(changed, Token)).Outcome);
        var zebrafish = await search.SearchAsync("zebrafish", 10, Token);
        Assert.Equal(["A/RES/77/13#op2"], zebrafish.Select(h => h.Id));
        Assert.DoesNotContain(await search.SearchAsync("irregular migration", 10, Token), h => h.Id == "A/RES/77/13#op2");
        var title = await search.SearchAsync("zanzibar", 10, Token);
        Assert.Equal("A/RES/77/13", title[0].Id);
        Assert.Equal(SearchHitKind.Title, title[0].Kind);

        // Reopening rebuilds the index from what was committed.
        var directory = store.Directory;
        await store.DisposeAsync();
        await using (var reopened = EmbeddedGraphStore.Open(directory))
        {
            Assert.Equal(["A/RES/77/13#op2"], (await reopened.CreateServices().Search.SearchAsync("zebrafish", 10, Token)).Select(h => h.Id));
            Assert.True(await reopened.RemoveDocumentAsync("A/RES/77/13", Token));
            Assert.Empty(await reopened.CreateServices().Search.SearchAsync("zebrafish", 10, Token));
            Assert.Empty(await reopened.CreateServices().Search.SearchAsync("zanzibar", 10, Token));
        }
    }

    [Fact]
    public async Task RebuildsWhenStalePostingsPileUpAndStillAnswersTheSame()
    {
        await using var store = NewStore();
        var search = store.CreateServices().Search;
        var seed = Extractor.ExtractFile(RepositoryFiles.Seed7713);
        // Replacing the document again and again leaves stale postings behind until the index is rebuilt.
        var index = store.SearchIndex;
        var rebuilds = index.Rebuilds;
        for (var round = 0; round < 60; round++)
        {
            var word = $"roundword{round}";
            await store.IngestAsync(Reworded(seed, "A/RES/77/13#op2", "irregular migration", word, $"Cooperation, round {round}"), Token);
            Assert.Equal(["A/RES/77/13#op2"], (await search.SearchAsync(word, 10, Token)).Select(h => h.Id));
            if (round > 0) Assert.Empty(await search.SearchAsync($"roundword{round - 1}", 10, Token));
        }
        Assert.True(index.Rebuilds > rebuilds, "sixty replacements should have made the index rebuild itself");
        Assert.True(index.HeapBytes() > 0);
        var before = await search.SearchAsync("migration", 20, Token);
        index.Rebuild(store.Graph);
        Assert.Equal(before.Select(h => (h.Id, h.Score)), (await search.SearchAsync("migration", 20, Token)).Select(h => (h.Id, h.Score)));
    }

    private static GraphDocument Reworded(GraphDocument document, string paragraphId, string from, string to, string title)
    {
        var copy = new GraphDocument(document.DocumentId, document.Text);
        foreach (var node in document.Nodes)
        {
            var properties = new Dictionary<string, object?>(node.Properties);
            if (node.Id == paragraphId) properties["text"] = ((string)properties["text"]!).Replace(from, to, StringComparison.Ordinal);
            if (node.Id == document.DocumentId) properties["title"] = title;
            copy.Nodes.Add(new GraphNode(node.Id, [.. node.Labels], properties));
        }
        copy.Relationships.AddRange(document.Relationships);
        return copy;
    }
}
