using Graph.Extraction;
using Graph.Store.Embedded;

namespace Graph.Cypher.Tests;

/// <summary>
/// The corpus the explorer was first built from (the seeds and the hand-checked corpus of the reference
/// collections) extracted and ingested once into an embedded store. Without the reference collections the
/// store stays empty and every test that asks for it is skipped.
/// </summary>
public sealed class CorpusStoreFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "graph-cypher-tests", Guid.NewGuid().ToString("N"));

    private EmbeddedGraphStore? _store;
    private CypherEngine? _engine;

    public EmbeddedGraphStore Store => _store ?? Skip<EmbeddedGraphStore>();

    public CypherEngine Engine => _engine ?? Skip<CypherEngine>();

    public async ValueTask InitializeAsync()
    {
        if (!TestData.HasCorpus) return;
        _store = EmbeddedGraphStore.Open(directory);
        var extractor = new DocumentExtractor();
        foreach (var (folder, relative) in TestData.CorpusDocuments())
        {
            await _store.IngestAsync(extractor.ExtractFile(Path.Combine(folder, relative)));
        }

        _engine = new CypherEngine(_store.Graph, new CypherOptions { ReadOnly = true });
    }

    private static T Skip<T>()
    {
        _ = TestData.Corpus; // skips the test: the reference collections are absent
        throw new InvalidOperationException("unreachable");
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system to clean the temp folder.
        }
    }
}

/// <summary>The example queries offered to users, on the real corpus.</summary>
public sealed class CorpusQueryTests(CorpusStoreFixture corpus) : IClassFixture<CorpusStoreFixture>
{
    public const string CitationChain = """
        MATCH p = (d:Document {id: $id})-[:CITES*1..3]->(x:Document)
        RETURN x.id AS cited, min(length(p)) AS depth
        ORDER BY depth, cited
        """;

    public const string MemorandaAndParties = """
        MATCH (a:Agreement {kind: 'memorandum of understanding'})
        OPTIONAL MATCH (o:Organization)-[:PARTY_TO]->(a)
        RETURN a.id AS agreement, collect(o.id) AS parties
        ORDER BY agreement
        """;

    public const string SeriesInDateOrder = """
        MATCH (:Document {id: $id})-[:IN_SERIES]->(s:Series)
        MATCH (r:Document)-[:IN_SERIES]->(s)
        RETURN s.title AS series, r.id AS resolution, r.adoptionDate AS adopted
        ORDER BY adopted
        """;

    public const string OrganisationsMentionedByBoth = """
        MATCH (:Document {id: $a})-[:HAS_PARAGRAPH]->(:Paragraph)-[:MENTIONS]->(o:Organization),
              (:Document {id: $b})-[:HAS_PARAGRAPH]->(:Paragraph)-[:MENTIONS]->(o)
        RETURN DISTINCT o.id AS organisation
        ORDER BY organisation
        """;

    private List<IReadOnlyList<object?>> Run(string query, params (string Name, object? Value)[] parameters) =>
        corpus.Engine.Execute(query, parameters.ToDictionary(p => p.Name, p => p.Value), TestContext.Current.CancellationToken).Rows.ToList();

    [Fact]
    public void CitationChainOf77_13ReachesDepthThreeAndStartsWithItsDirectCitations()
    {
        var chain = Run(CitationChain, ("id", "A/RES/77/13"));
        var direct = Run("MATCH (:Document {id: 'A/RES/77/13'})-[:CITES]->(x:Document) RETURN DISTINCT x.id").Select(r => r[0]).ToHashSet();

        Assert.Contains("A/RES/71/12", direct);
        Assert.Equal(direct, chain.Where(r => (long)r[1]! == 1).Select(r => r[0]).ToHashSet());
        Assert.All(chain, r => Assert.InRange((long)r[1]!, 1, 3));
        Assert.Contains(chain, r => (long)r[1]! >= 2);
        Assert.Equal(chain.Count, chain.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void EveryMemorandumOfUnderstandingIsListedWithItsParties()
    {
        var rows = Run(MemorandaAndParties);
        var all = Run("MATCH (a:Agreement) WHERE a.kind = 'memorandum of understanding' RETURN count(a)")[0][0];

        Assert.Equal(all, (long)rows.Count);
        Assert.Contains(rows, r => ((List<object?>)r[1]!).Contains("org:collective-security-treaty-organization"));
        Assert.All(rows, r => Assert.All((List<object?>)r[1]!, party => Assert.StartsWith("org:", (string)party!, StringComparison.Ordinal)));
    }

    [Fact]
    public void ResolutionsOfTheSeriesOf77_13ComeInDateOrder()
    {
        var rows = Run(SeriesInDateOrder, ("id", "A/RES/77/13"));
        var dates = rows.Select(r => (string?)r[2]).Where(d => d is not null).ToList();
        var resolutions = rows.Select(r => (string)r[1]!).ToList();

        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.True(resolutions.IndexOf("A/RES/71/12") < resolutions.IndexOf("A/RES/77/13"));
        Assert.Single(rows.Select(r => r[0]).Distinct());
    }

    [Fact]
    public void OrganisationsMentionedByBoth71_12And77_13AreMentionedByEach()
    {
        var both = Run(OrganisationsMentionedByBoth, ("a", "A/RES/71/12"), ("b", "A/RES/77/13")).Select(r => (string)r[0]!).ToList();
        const string MentionedBy = "MATCH (:Document {id: $id})-[:HAS_PARAGRAPH]->(:Paragraph)-[:MENTIONS]->(o:Organization) RETURN DISTINCT o.id";
        var by71 = Run(MentionedBy, ("id", "A/RES/71/12")).Select(r => (string)r[0]!).ToHashSet();
        var by77 = Run(MentionedBy, ("id", "A/RES/77/13")).Select(r => (string)r[0]!).ToHashSet();

        Assert.Contains("org:collective-security-treaty-organization", both);
        Assert.Equal(by71.Intersect(by77).Order(StringComparer.Ordinal), both);
    }

    [Fact]
    public void TheCorpusStoreIsReadOnlyThroughCypher()
    {
        var e = Assert.Throws<CypherException>(() => Run("MATCH (d:Document) SET d.title = 'x'"));
        Assert.Equal("Neo.ClientError.Statement.AccessMode", e.StatusCode);
    }
}
