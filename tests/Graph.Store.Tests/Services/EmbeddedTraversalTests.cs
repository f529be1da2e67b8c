using Graph.Extraction;
using Graph.Model;
using Graph.Store.Embedded;
using Graph.Store.Services;

namespace Graph.Store.Tests.Services;

/// <summary>
/// The embedded store's in-memory neighbours, paths and citation chains against the services that work
/// through the read role alone (the reference), on the bundled corpus through the real extractor.
/// </summary>
public sealed class EmbeddedTraversalTests : IAsyncLifetime
{
    private static readonly DocumentExtractor Extractor = new();
    private readonly TemporaryDirectory _directory = new();
    private EmbeddedGraphStore _store = null!;
    private GraphServices _services = null!;
    private List<string> _nodeIds = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = EmbeddedGraphStore.Open(_directory.Path);
        foreach (var file in TestData.CorpusDocumentFiles().Where(f => !f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
        {
            var document = Extractor.ExtractFile(file);
            if (document.Nodes.Count > 0) await _store.IngestAsync(document, Token);
        }
        _services = _store.CreateServices();
        _nodeIds = [.. (await _store.ReadAllAsync(Token)).Nodes.Select(n => n.Id)];
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    private List<string> Documents() =>
        [.. _nodeIds.Where(id => _store.Graph.TryGetNodeByKey(id, out var n) && n.HasLabel(Labels.Document))];

    [Fact]
    public async Task ShortestPathsHaveTheLengthOfTheReadRoleSearchAndFollowTheGraph()
    {
        var reference = new PathService(_store);
        var random = new Random(5);
        var documents = Documents();
        Assert.True(documents.Count > 50, $"the corpus gave only {documents.Count} documents");
        IReadOnlyCollection<string>?[] typeChoices = [null, [RelationshipTypes.Cites], [RelationshipTypes.Cites, RelationshipTypes.Succeeds]];
        var found = 0;
        for (var i = 0; i < 300; i++)
        {
            // Documents and any node (paragraphs, organisations, sessions), every way and type filter.
            var from = i % 2 == 0 ? documents[random.Next(documents.Count)] : _nodeIds[random.Next(_nodeIds.Count)];
            var to = documents[random.Next(documents.Count)];
            var types = typeChoices[i % typeChoices.Length];
            var directed = i % 5 == 0;
            var expected = await reference.TryFindShortestPathAsync(from, to, types, directed, Token);
            var actual = await _services.Paths.TryFindShortestPathAsync(from, to, types, directed, Token);
            var call = $"{from} → {to}, types [{string.Join(',', types ?? [])}], directed {directed}";
            Assert.True((expected is null) == (actual is null), $"{call}: reference found {expected is not null}, memory found {actual is not null}");
            if (actual is null) continue;
            found++;
            Assert.True(expected!.Relationships.Count == actual.Relationships.Count,
                $"{call}: reference length {expected.Relationships.Count} ({string.Join(" ", expected.Nodes.Select(n => n.Id))}), memory {actual.Relationships.Count} ({string.Join(" ", actual.Nodes.Select(n => n.Id))})");
            Assert.Equal(from, actual.Nodes[0].Id);
            Assert.Equal(to, actual.Nodes[^1].Id);
            for (var k = 0; k < actual.Relationships.Count; k++)
            {
                var r = actual.Relationships[k];
                string a = actual.Nodes[k].Id, b = actual.Nodes[k + 1].Id;
                Assert.True(directed ? r.Start == a && r.End == b : (r.Start == a && r.End == b) || (r.Start == b && r.End == a), $"{call}: step {k} {r.Id} does not join {a} and {b}");
                if (types is not null) Assert.Contains(r.Type, types);
            }
        }
        Assert.True(found > 50, $"only {found} of 300 pairs were connected: the comparison says little");
    }

    [Fact]
    public async Task CitationChainsHoldTheSameDocumentsAndCitationsAsTheReadRoleWalk()
    {
        var reference = new CitationService(_store);
        var filters = new[] { CitationFilter.None, new CitationFilter(Body: "Security Council"), new CitationFilter(Kind: "resolution", FromYear: 2000) };
        var compared = 0;
        foreach (var id in Documents().Take(60))
        {
            foreach (var direction in new[] { Direction.Outgoing, Direction.Incoming, Direction.Both })
            {
                var filter = filters[compared++ % filters.Length];
                var expected = (await reference.TryGetCitationChainAsync(id, direction, 3, filter, int.MaxValue, Token))!;
                var actual = (await _services.Citations.TryGetCitationChainAsync(id, direction, 3, filter, int.MaxValue, Token))!;
                Assert.False(actual.Truncated);
                Assert.Equal(id, actual.Graph.Nodes[0].Id);
                Assert.Equal(expected.Graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), actual.Graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
                Assert.Equal(expected.Graph.Relationships.Select(r => r.Id).Order(StringComparer.Ordinal), actual.Graph.Relationships.Select(r => r.Id).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public async Task ACitationChainCutAtItsBudgetKeepsTheNearestDocumentsAndSaysSo()
    {
        // The most cited document's incoming chain: its direct citers alone overflow a small budget.
        var hub = Documents().OrderByDescending(id => _store.Graph.TryGetNodeId(id, out var n) ? _store.Graph.Degree(n, Direction.Incoming, [RelationshipTypes.Cites]) : 0).First();
        var whole = (await _services.Citations.TryGetCitationChainAsync(hub, Direction.Incoming, 4, maxNodes: int.MaxValue, cancellationToken: Token))!;
        var direct = (await _services.Citations.TryGetCitationChainAsync(hub, Direction.Incoming, 1, maxNodes: int.MaxValue, cancellationToken: Token))!;
        Assert.False(whole.Truncated);
        Assert.True(direct.Graph.Nodes.Count > 3, $"{hub} has only {direct.Graph.Nodes.Count - 1} citing documents");

        var cut = (await _services.Citations.TryGetCitationChainAsync(hub, Direction.Incoming, 4, maxNodes: 3, cancellationToken: Token))!;
        Assert.True(cut.Truncated);
        Assert.Equal(3, cut.Graph.Nodes.Count);
        Assert.Equal(hub, cut.Graph.Nodes[0].Id);
        // Breadth first: the two kept besides the start cite it directly, and every citation kept joins kept documents.
        Assert.Subset(direct.Graph.Nodes.Select(n => n.Id).ToHashSet(), cut.Graph.Nodes.Select(n => n.Id).ToHashSet());
        var kept = cut.Graph.Nodes.Select(n => n.Id).ToHashSet();
        Assert.All(cut.Graph.Relationships, r => Assert.True(kept.Contains(r.Start) && kept.Contains(r.End), r.Id));

        // A budget the whole chain fits in exactly is not a truncation.
        var exact = (await _services.Citations.TryGetCitationChainAsync(hub, Direction.Incoming, 4, maxNodes: whole.Graph.Nodes.Count, cancellationToken: Token))!;
        Assert.False(exact.Truncated);
        Assert.Equal(whole.Graph.Nodes.Count, exact.Graph.Nodes.Count);
    }

    [Fact]
    public async Task NeighbourPagesAreTheReadRolePagesInTheSameOrder()
    {
        var reference = new NeighbourService(_store);
        // The busiest nodes first (their pages are cut by the limit), then some ordinary ones.
        var busiest = _nodeIds.OrderByDescending(id => _store.Graph.TryGetNodeId(id, out var n) ? _store.Graph.Degree(n, Direction.Both) : 0).Take(20);
        foreach (var id in busiest.Concat(_nodeIds.Where((_, i) => i % 97 == 0)))
        {
            foreach (var (direction, types, limit) in new (Direction, IReadOnlyCollection<string>?, int)[]
                     { (Direction.Both, null, 5), (Direction.Both, null, 100), (Direction.Incoming, [RelationshipTypes.Cites], 3), (Direction.Outgoing, null, int.MaxValue) })
            {
                var expected = (await reference.TryGetNeighboursAsync(id, direction, types, limit, Token))!;
                var actual = (await _services.Neighbours.TryGetNeighboursAsync(id, direction, types, limit, Token))!;
                Assert.Equal(expected.Relationships.Select(r => r.Id), actual.Relationships.Select(r => r.Id));
                Assert.Equal(expected.Nodes.Select(n => n.Id), actual.Nodes.Select(n => n.Id));
            }
        }
        Assert.Null(await _services.Neighbours.TryGetNeighboursAsync("A/RES/0/0", cancellationToken: Token));
    }
}
