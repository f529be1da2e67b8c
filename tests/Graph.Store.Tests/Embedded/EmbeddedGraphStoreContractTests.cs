using Graph.Store.Embedded;
using Graph.Store.Tests.Contract;

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

    public void Dispose() => _directory.Dispose();
}
