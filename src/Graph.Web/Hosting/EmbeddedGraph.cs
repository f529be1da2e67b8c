using System.Runtime.CompilerServices;
using Graph.Cypher;
using Graph.Extraction;
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
        return ValueTask.FromResult(EmbeddedCypher.OpenStore(options.DataDir).CreateServices());
    }

    /// <summary>A Cypher engine over the store's in-memory graph, its writes saved in the store; read-only unless writes are enabled.</summary>
    public static CypherEngine? TryCreateCypherEngine(GraphServices services, GraphOptions options) =>
        services.Store is EmbeddedGraphStore embedded
            ? EmbeddedCypher.Engine(embedded, new CypherOptions { ReadOnly = !options.AllowWrites, MaxRows = options.MaxQueryRows })
            : null;

    /// <summary>
    /// The documents of a corpus folder, extracted one by one off the request threads. A file the extractor
    /// could not identify (no symbol, unreadable) is skipped: it has no node to ingest.
    /// </summary>
    public static async IAsyncEnumerable<GraphDocument> ReadCorpusAsync(string corpusDir, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Files are extracted ahead on every core and handed out in file order, so that the first
        // start's build is not one file at a time.
        using var extractors = new ThreadLocal<DocumentExtractor>(() => new DocumentExtractor());
        var ahead = new Queue<Task<GraphDocument>>();
        using var files = CorpusFiles.Enumerate([corpusDir], out _).GetEnumerator();
        var more = true;
        while (true)
        {
            while (more && ahead.Count < 2 * Environment.ProcessorCount && (more = files.MoveNext()))
            {
                var file = files.Current;
                ahead.Enqueue(Task.Run(() => extractors.Value!.ExtractFile(file), cancellationToken));
            }
            if (ahead.Count == 0) yield break;
            cancellationToken.ThrowIfCancellationRequested();
            var document = await ahead.Dequeue();
            if (document.FindNode(document.DocumentId) is not null) yield return document;
        }
    }
}
