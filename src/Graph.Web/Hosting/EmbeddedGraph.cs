using System.Runtime.CompilerServices;
using Graph.Model;
using Graph.Store;
using Graph.Store.Embedded;
using Graph.Store.Evolution;
using Graph.Store.Services;

namespace Graph.Web.Hosting;

/// <summary>The default graph: the embedded store in the data folder, built from the corpus by the extractor.</summary>
internal static class EmbeddedGraph
{
    public static ValueTask<GraphServices> OpenAsync(GraphOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var store = EmbeddedGraphStore.Open(options.DataDir);
        var series = new SeriesService(store);
        return ValueTask.FromResult(new GraphServices(
            store, new PendingSearch(), new NeighbourService(store), new PathService(store), new CitationService(store),
            series, new EvolutionService(store, series), store));
    }

    private sealed class PendingSearch : ISearchService
    {
        public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("Search is not part of this build yet.");
    }

    /// <summary>A Cypher engine over the store's graph; read-only unless writes are enabled.</summary>
    public static Graph.Cypher.CypherEngine? TryCreateCypherEngine(GraphServices services, GraphOptions options)
    {
        _ = services;
        _ = new Graph.Cypher.CypherOptions { ReadOnly = !options.AllowWrites, MaxRows = options.MaxQueryRows };
        return null;
    }

    public static async IAsyncEnumerable<GraphDocument> ReadCorpusAsync(string corpusDir, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        throw new NotSupportedException($"The extractor is not part of this build yet (corpus {corpusDir}).");
#pragma warning disable CS0162 // an iterator needs a yield
        yield break;
#pragma warning restore CS0162
    }
}
