using Graph.Model;
using Graph.Store.Embedded;
using Graph.Store.Tests.Contract;
using static Graph.Store.Tests.Contract.ContractDocuments;

namespace Graph.Store.Tests.Embedded;

/// <summary>The store contract, run against the embedded store in a fresh data directory per test.</summary>
public sealed class EmbeddedGraphStoreContractTests : GraphStoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private int _stores;

    protected override ValueTask<IGraphStore> CreateEmptyStoreAsync() =>
        ValueTask.FromResult<IGraphStore>(EmbeddedGraphStore.Open(Path.Combine(_directory.Path, $"store{++_stores}")));

    protected override GraphServices ServicesFor(IGraphStore store) => ((EmbeddedGraphStore)store).CreateServices();

    protected override async ValueTask<IGraphStore> ReopenAsync(IGraphStore store)
    {
        var directory = ((EmbeddedGraphStore)store).Directory;
        await store.DisposeAsync();
        return EmbeddedGraphStore.Open(directory);
    }

    [Fact]
    public async Task ListsEveryShortestPathUpToTheNumberAsked()
    {
        await using var store = await StoreWithAsync([.. All()]);
        var paths = ServicesFor(store).Paths;
        var query = new PathQuery([RelationshipTypes.Cites], Direction.Both, MaxPaths: 5);

        var all = await paths.FindShortestPathsAsync(Res5950, Res6912, query, Token);

        Assert.Equal([Res7112, Res7713], all.Select(p => p.Nodes[1].Id).Order(StringComparer.Ordinal));
        Assert.Single(await paths.FindShortestPathsAsync(Res5950, Res6912, query with { MaxPaths = 1 }, Token));
        // Backwards from 59/50 reaches only what cites it (77/13, 71/12, then the statement), never 69/12.
        Assert.Empty(await paths.FindShortestPathsAsync(Res5950, Res6912, query with { Direction = Direction.Incoming }, Token));
    }

    public void Dispose() => _directory.Dispose();
}
