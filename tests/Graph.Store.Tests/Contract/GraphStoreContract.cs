using Graph.Model;
using static Graph.Store.Tests.Contract.ContractDocuments;

namespace Graph.Store.Tests.Contract;

/// <summary>
/// The facts every graph store must satisfy, run against each implementation by a subclass that
/// says how to get an empty store (and its services). Data is built by hand in <see cref="ContractDocuments"/>.
/// </summary>
public abstract partial class GraphStoreContract
{
    /// <summary>A store with nothing in it. The test disposes it.</summary>
    protected abstract ValueTask<IGraphStore> CreateEmptyStoreAsync();

    /// <summary>The services over a store made by <see cref="CreateEmptyStoreAsync"/>.</summary>
    protected abstract GraphServices ServicesFor(IGraphStore store);

    /// <summary>The same store closed and opened again (a store without a lifetime of its own returns it unchanged).</summary>
    protected virtual ValueTask<IGraphStore> ReopenAsync(IGraphStore store) => ValueTask.FromResult(store);

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected async ValueTask<IGraphStore> StoreWithAsync(params GraphDocument[] documents)
    {
        var store = await CreateEmptyStoreAsync();
        foreach (var document in documents) await store.IngestAsync(document, Token);
        return store;
    }

    protected static async ValueTask<string> ExportAsync(IGraphReader store) =>
        GraphJson.Serialize(await store.ReadAllAsync(Token));

    [Fact]
    public async Task AnEmptyStoreHasNothing()
    {
        await using var store = await CreateEmptyStoreAsync();
        Assert.Equal(new GraphCounts(0, 0, 0), await store.CountAsync(Token));
        Assert.Null(await store.TryGetNodeAsync(Res7713, Token));
        Assert.Empty(await store.GetRelationshipsAsync(Res7713, Direction.Both, cancellationToken: Token));
        Assert.Empty(await store.FindNodesAsync(Labels.Document, cancellationToken: Token));
        var all = await store.ReadAllAsync(Token);
        Assert.Empty(all.Nodes);
        Assert.Empty(all.Relationships);
    }

    [Fact]
    public async Task IngestAddsTheFactsADocumentStates()
    {
        await using var store = await CreateEmptyStoreAsync();
        var document = Resolution7713();
        var result = await store.IngestAsync(document, Token);

        Assert.Equal(new IngestResult(Res7713, IngestOutcome.Added, document.Nodes.Count, document.Relationships.Count), result);
        var node = await store.TryGetNodeAsync(Res7713, Token);
        Assert.NotNull(node);
        Assert.Equal([Labels.Document, Labels.Resolution], node.Labels);
        Assert.Equal(Res7713, node.Properties[PropertyNames.Id]);
        Assert.Equal(77L, node.Properties["session"]);
        Assert.Equal("2022-11-21", node.Properties["adoptionDate"]);
        Assert.False(node.IsStub);

        var counts = await store.CountAsync(Token);
        Assert.Equal(new GraphCounts(document.Nodes.Count, document.Relationships.Count, 1), counts);
    }

    [Fact]
    public async Task EveryNodeCarriesItsIdAsAProperty()
    {
        await using var store = await StoreWithAsync([.. All()]);
        foreach (var node in (await store.ReadAllAsync(Token)).Nodes)
            Assert.Equal(node.Id, node.Properties[PropertyNames.Id]);
    }

    [Fact]
    public async Task IngestingTheSameDocumentTwiceChangesNothing()
    {
        await using var store = await StoreWithAsync(Resolution7713(), Resolution7112());
        var before = await ExportAsync(store);
        var countsBefore = await store.CountAsync(Token);

        var again = await store.IngestAsync(Resolution7713(), Token);

        Assert.Equal(IngestOutcome.Unchanged, again.Outcome);
        Assert.Equal(before, await ExportAsync(store));
        Assert.Equal(countsBefore, await store.CountAsync(Token));
    }

    [Fact]
    public async Task AChangedDocumentReplacesTheFactsItStatedAndOnlyThose()
    {
        await using var store = await StoreWithAsync(Resolution7713(), Resolution7112());

        var result = await store.IngestAsync(Resolution7713(titleSuffix: " (revised)", withOperative2: false), Token);

        Assert.Equal(IngestOutcome.Replaced, result.Outcome);
        Assert.Null(await store.TryGetNodeAsync($"{Res7713}#op2", Token));
        Assert.Empty(await store.GetRelationshipsAsync($"{Res7713}#op2", Direction.Both, cancellationToken: Token));
        Assert.EndsWith("(revised)", (await store.TryGetNodeAsync(Res7713, Token))!.GetString("title"), StringComparison.Ordinal);
        // The organisation 71/12 also mentions stays, with 71/12's mention only.
        var mentions = await store.GetRelationshipsAsync(Csto, Direction.Incoming, [RelationshipTypes.Mentions], cancellationToken: Token);
        Assert.Equal([$"{Res7112}#op2"], mentions.Select(r => r.Start));
        // Facts of 71/12 are untouched.
        Assert.NotNull(await store.TryGetNodeAsync($"{Res7112}#op2", Token));
        Assert.Equal(2, (await store.CountAsync(Token)).Documents);

        // Replacing back restores exactly the earlier graph.
        await using var reference = await StoreWithAsync(Resolution7713(), Resolution7112());
        await store.IngestAsync(Resolution7713(), Token);
        Assert.Equal(await ExportAsync(reference), await ExportAsync(store));
    }

    [Fact]
    public async Task AStubMergesWithTheFullDocumentWhoseOwnStatementsWin()
    {
        await using var store = await StoreWithAsync(Resolution7713());
        var stub = await store.TryGetNodeAsync(Res7112, Token);
        Assert.NotNull(stub);
        Assert.True(stub.IsStub);
        Assert.Null(stub.GetString("title"));

        await store.IngestAsync(Resolution7112(), Token);

        var full = await store.TryGetNodeAsync(Res7112, Token);
        Assert.NotNull(full);
        Assert.False(full.IsStub);
        Assert.False(full.Properties.ContainsKey(PropertyNames.Stub));
        Assert.Equal([Labels.Document, Labels.Resolution], full.Labels);
        Assert.Equal("2016-11-21", full.GetString("adoptionDate"));
        Assert.StartsWith("Cooperation between the United Nations", full.GetString("title"), StringComparison.Ordinal);
        // What 77/13 said about 71/12 (the citation) and what 71/12 says about itself are both there.
        var incoming = await store.GetRelationshipsAsync(Res7112, Direction.Incoming, [RelationshipTypes.Cites], cancellationToken: Token);
        Assert.Contains(incoming, r => r.Start == Res7713);
        var outgoing = await store.GetRelationshipsAsync(Res7112, Direction.Outgoing, [RelationshipTypes.Cites], cancellationToken: Token);
        Assert.Equal([Res5950, Res6912, Sc1631], outgoing.Select(r => r.End).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemovingTheFullDocumentLeavesTheStubWhileOthersStillCiteIt()
    {
        await using var store = await StoreWithAsync(Resolution7713(), Resolution7112());

        Assert.True(await store.RemoveDocumentAsync(Res7112, Token));

        var stub = await store.TryGetNodeAsync(Res7112, Token);
        Assert.NotNull(stub);
        Assert.True(stub.IsStub);
        Assert.Null(stub.GetString("title"));
        Assert.Null(await store.TryGetNodeAsync($"{Res7112}#op2", Token));
        Assert.Empty(await store.GetRelationshipsAsync(Res7112, Direction.Outgoing, cancellationToken: Token));
        Assert.Single(await store.GetRelationshipsAsync(Res7112, Direction.Incoming, [RelationshipTypes.Cites], cancellationToken: Token),
            r => r.Start == Res7713);
        Assert.Equal(1, (await store.CountAsync(Token)).Documents);

        // Removing the last document that cites it removes the stub too.
        Assert.True(await store.RemoveDocumentAsync(Res7713, Token));
        Assert.Equal(new GraphCounts(0, 0, 0), await store.CountAsync(Token));
        Assert.False(await store.RemoveDocumentAsync(Res7713, Token));
    }

    [Fact]
    public async Task TheMergedGraphDoesNotDependOnIngestOrder()
    {
        string forward, backward;
        await using (var store = await StoreWithAsync([.. All()])) forward = await ExportAsync(store);
        await using (var store = await StoreWithAsync([.. All().Reverse()])) backward = await ExportAsync(store);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task TheMergedGraphEqualsTheModelsMerger()
    {
        var merger = new GraphMerger();
        // GraphMerger keeps the first statement; the store orders statements by document id.
        foreach (var document in All().OrderBy(d => d.DocumentId, StringComparer.Ordinal)) merger.Add(document);
        var expected = merger.ToGraph();
        foreach (var node in expected.Nodes) node.Properties[PropertyNames.Id] = node.Id;

        await using var store = await StoreWithAsync([.. All()]);
        var actual = await store.ReadAllAsync(Token);

        Assert.Equal(GraphJson.Serialize(Strip(expected)), GraphJson.Serialize(Strip(actual)));
    }

    [Fact]
    public async Task FollowsRelationshipsByDirectionTypeAndLimit()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var outgoing = await store.GetRelationshipsAsync(Res7713, Direction.Outgoing, cancellationToken: Token);
        Assert.All(outgoing, r => Assert.Equal(Res7713, r.Start));
        Assert.Contains(outgoing, r => r.Type == RelationshipTypes.HasParagraph && r.End == $"{Res7713}#op2");

        var incoming = await store.GetRelationshipsAsync(Res7713, Direction.Incoming, cancellationToken: Token);
        Assert.All(incoming, r => Assert.Equal(Res7713, r.End));
        Assert.Equal(3, incoming.Count(r => r.Type == RelationshipTypes.Cites)); // the statement's paragraph twice, the statement once

        var both = await store.GetRelationshipsAsync(Res7713, Direction.Both, [RelationshipTypes.Cites, RelationshipTypes.Succeeds], cancellationToken: Token);
        Assert.Equal(incoming.Count(r => r.Type == RelationshipTypes.Cites) + 4 + 1, both.Count);
        Assert.All(both, r => Assert.Contains(r.Type, (string[])[RelationshipTypes.Cites, RelationshipTypes.Succeeds]));

        Assert.Equal(2, (await store.GetRelationshipsAsync(Res7713, Direction.Both, limit: 2, cancellationToken: Token)).Count);
        Assert.Empty(await store.GetRelationshipsAsync(Res7713, Direction.Both, ["NO_SUCH_TYPE"], cancellationToken: Token));
    }

    [Fact]
    public async Task KeepsKeyedRelationshipsApart()
    {
        await using var store = await StoreWithAsync(Statement());
        var citations = await store.GetRelationshipsAsync($"{Prst}#pp1", Direction.Outgoing, [RelationshipTypes.Cites], cancellationToken: Token);
        Assert.Equal(["0", "1"], citations.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal([30L, 70L], citations.Select(r => (long)r.Properties["spanStart"]!).Order());
    }

    [Fact]
    public async Task FindsNodesByLabelAndProperty()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var documents = await store.FindNodesAsync(Labels.Document, cancellationToken: Token);
        Assert.Equal([Lonely, Res5950, Res6912, Res7112, Res7713, Prst, Sc1631], documents.Select(n => n.Id).Order(StringComparer.Ordinal));

        var council = await store.FindNodesAsync(Labels.Document, "body", "Security Council", cancellationToken: Token);
        Assert.Equal([Prst, Sc1631], council.Select(n => n.Id).Order(StringComparer.Ordinal));

        var session77 = await store.FindNodesAsync(Labels.Resolution, "session", 77L, cancellationToken: Token);
        Assert.Equal([Res7713], session77.Select(n => n.Id));

        var stubs = await store.FindNodesAsync(Labels.Document, PropertyNames.Stub, true, cancellationToken: Token);
        Assert.Equal([Res5950, Res6912, Sc1631], stubs.Select(n => n.Id).Order(StringComparer.Ordinal));

        Assert.Equal(2, (await store.FindNodesAsync(Labels.Document, limit: 2, cancellationToken: Token)).Count);
        Assert.Empty(await store.FindNodesAsync("NoSuchLabel", cancellationToken: Token));
        Assert.Empty(await store.FindNodesAsync(Labels.Document, "body", "Trusteeship Council", cancellationToken: Token));
    }

    [Fact]
    public async Task KeepsEverythingWhenReopened()
    {
        var store = await StoreWithAsync([.. All()]);
        var before = await ExportAsync(store);
        var counts = await store.CountAsync(Token);

        store = await ReopenAsync(store);
        await using (store)
        {
            Assert.Equal(before, await ExportAsync(store));
            Assert.Equal(counts, await store.CountAsync(Token));
            Assert.Equal(IngestOutcome.Unchanged, (await store.IngestAsync(Statement(), Token)).Outcome);
        }
    }

    /// <summary>Only what the model fixes: ids, labels, properties, relationship identities (not diagnostics).</summary>
    private static GraphData Strip(GraphData graph)
    {
        var result = new GraphData();
        result.Nodes.AddRange(graph.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal));
        result.Relationships.AddRange(graph.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal));
        return result;
    }
}
