namespace Graph.Web.Hosting;

/// <summary>The server's settings, from the "Graph" section (appsettings, environment GRAPH__*, or --Graph:Key=value).</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Folder of the embedded store. Relative paths are resolved against the working directory.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The bundled corpus, built into the graph at the first start; defaults to the repository's graph/corpus.</summary>
    public string? CorpusDir { get; set; }

    /// <summary>
    /// More folders of documents to build into the graph, separated by ';' or ',' (for example
    /// <c>../shared/un-documents</c>). Each is built at the first start that names it, and again when its files change.
    /// </summary>
    public string? CorpusDirs { get; set; }

    /// <summary>The folders of <see cref="CorpusDirs"/>, trimmed, empty entries left out.</summary>
    public IEnumerable<string> CorpusFolderList() =>
        (CorpusDirs ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The database name of the Query API: POST /db/{Database}/query/v2 (Neo4j's default name).</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>Whether POST /db/{db}/query/v2 may run statements that change the graph.</summary>
    public bool AllowWrites { get; set; }

    /// <summary>How long an explicit transaction of the Query API may stay idle before it is rolled back (Neo4j's default, 60 s).</summary>
    public int TransactionTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Most explicit transactions open at once (Neo4j's default, 1,000): each holds memory until it ends or idles out,
    /// and a client that opens them faster than they expire would otherwise hold memory without bound.
    /// </summary>
    public int MaxOpenTransactions { get; set; } = 1000;

    /// <summary>Most rows a Cypher query may return to the API, so a careless query cannot exhaust the server.</summary>
    public int MaxQueryRows { get; set; } = 5000;

    /// <summary>
    /// The server's resident memory ceiling in MiB (0 turns it off): the garbage collector's heap is held under
    /// <see cref="MemoryCeiling.HeapShare"/> of it, and heavy requests are refused near it.
    /// </summary>
    public long MemoryCeilingMB { get; set; } = 2048;

    /// <summary>The UN Official Document System that "Fetch from the UN" asks (GRAPH_ODS_URL when unset; the real host by default).</summary>
    public string? OdsUrl { get; set; }

    /// <summary>The UN Digital Library searched for the later resolutions of a series (GRAPH_LIBRARY_URL when unset; the real host by default).</summary>
    public string? LibraryUrl { get; set; }

    /// <summary>Fetch jobs that may wait behind the running one; beyond it <c>POST /api/fetch</c> answers 503.</summary>
    public int FetchQueue { get; set; } = 4;

    /// <summary>Most documents one fetch job may download (those already in the download cache do not count).</summary>
    public int FetchLimit { get; set; } = 100;
}
