using System.Runtime.CompilerServices;
using Graph.Cypher;
using Graph.Model;
using Graph.Store;
using Graph.Store.Embedded;

namespace Graph.Web.Hosting;

/// <summary>The default graph: the embedded store in the data folder, built from the corpus by the extractor.</summary>
internal static class EmbeddedGraph
{
    public static ValueTask<GraphServices> OpenAsync(GraphOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(EmbeddedGraphStore.Open(options.DataDir).CreateServices());
    }

    /// <summary>A Cypher engine over the store's in-memory graph; read-only unless writes are enabled.</summary>
    public static CypherEngine? TryCreateCypherEngine(GraphServices services, GraphOptions options) =>
        services.Store is EmbeddedGraphStore embedded
            ? new CypherEngine(embedded.Graph, new CypherOptions { ReadOnly = !options.AllowWrites, MaxRows = options.MaxQueryRows })
            : null;

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
