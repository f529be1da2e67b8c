using Graph.Cypher.Storage;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Graph.Cypher.Schema;

/// <summary>
/// A full-text index in Lucene, held in memory: one Lucene document per node (or relationship) carrying one of the
/// index's labels, with a field per indexed string property, analysed as Neo4j's default analyzer does (standard
/// tokenizer, lower case, no stop words). Queries speak Lucene's classic query syntax over all the fields
/// (<c>"security council" AND sanctions~</c>, <c>title:report</c>, <c>cyber*</c>).
/// </summary>
/// <remarks>
/// It is built when first queried, not at ingest, so that opening the store stays fast; on the 2,000-document graph
/// that first query reads the paragraphs' text once (the index then holds its terms, a fraction of the text's size).
/// It is built again on the first query after the graph changed (<see cref="IGraphAccess.ChangeStamp"/>: a write to the
/// store, by Cypher or by an ingest), so it never answers from data that is gone.
/// </remarks>
internal sealed class FullTextIndex(IndexDefinition definition) : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "__id";

    private readonly System.Threading.Lock gate = new();
    private long builtFor = -1;
    private RAMDirectory? directory;
    private DirectoryReader? reader;

    public IndexDefinition Definition { get; } = definition;

    private static Analyzer NewAnalyzer() => new StandardAnalyzer(Version, CharArraySet.Empty);

    /// <summary>The best <paramref name="limit"/> entities for <paramref name="query"/>, with Lucene's scores, best first.</summary>
    public IReadOnlyList<(long Id, double Score)> Query(IGraphAccess graph, string query, int limit = 1000)
    {
        lock (gate)
        {
            var state = graph.ChangeStamp;
            if (reader is null || state != builtFor)
            {
                Build(graph);
                builtFor = state;
            }

            using var analyzer = NewAnalyzer();
            var parser = new MultiFieldQueryParser(Version, [.. Definition.Properties], analyzer) { AllowLeadingWildcard = true };
            Query parsed;
            try
            {
                parsed = parser.Parse(query);
            }
            catch (ParseException e)
            {
                throw new CypherException("ProcedureError", "ProcedureCallFailed",
                    $"Failed to invoke procedure: the full-text query '{query}' is not Lucene query syntax: {e.Message}", null, CypherErrorPhase.Runtime);
            }

            var searcher = new IndexSearcher(reader!);
            var hits = searcher.Search(parsed, Math.Max(1, limit));
            return [.. hits.ScoreDocs.Select(hit => (long.Parse(searcher.Doc(hit.Doc).Get(IdField), System.Globalization.CultureInfo.InvariantCulture), (double)hit.Score))];
        }
    }

    private void Build(IGraphAccess graph)
    {
        reader?.Dispose();
        directory?.Dispose();
        directory = new RAMDirectory();
        using (var analyzer = NewAnalyzer())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE }))
        {
            foreach (var (id, properties) in Entities(graph))
            {
                var document = new Document { new StringField(IdField, id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES) };
                var any = false;
                foreach (var property in Definition.Properties)
                {
                    if (properties.TryGetValue(property, out var value) && value is string text)
                    {
                        document.Add(new TextField(property, text, Field.Store.NO));
                        any = true;
                    }
                }

                if (any) writer.AddDocument(document);
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
    }

    private IEnumerable<(long Id, IReadOnlyDictionary<string, object?> Properties)> Entities(IGraphAccess graph)
    {
        if (Definition.OnNodes)
        {
            foreach (var id in Definition.LabelsOrTypes.SelectMany(graph.NodesWithLabel).Distinct())
                yield return (id, graph.NodeProperties(id));
        }
        else
        {
            var types = Definition.LabelsOrTypes.ToHashSet(StringComparer.Ordinal);
            foreach (var id in graph.AllRelationships())
                if (types.Contains(graph.Endpoints(id).Type)) yield return (id, graph.RelationshipProperties(id));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            reader?.Dispose();
            directory?.Dispose();
            reader = null;
            directory = null;
        }
    }
}
