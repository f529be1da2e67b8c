using Graph.Sources.Cache;
using Graph.Sources.Fetching;
using Graph.Sources.Library;
using Graph.Sources.Ods;
using Graph.Store;

namespace Graph.Sources;

/// <summary>
/// The UN's document sources over one polite HTTP client: what the CLI and the web app create once and make fetch
/// jobs from. The cache is <c>&lt;data directory&gt;/documents</c>.
/// </summary>
public sealed class UnSources : IDisposable
{
    private readonly HttpClient _http;

    public UnSources(SourceOptions options)
    {
        Options = options;
        _http = SourceHttp.CreateClient(options);
        Ods = new OdsClient(_http, options);
        Library = new DigitalLibraryClient(_http, options);
    }

    public SourceOptions Options { get; }

    public OdsClient Ods { get; }

    public DigitalLibraryClient Library { get; }

    public static string CacheDirectory(string dataDirectory) => Path.Combine(dataDirectory, "documents");

    public FetchJob CreateJob(string dataDirectory, IGraphStore store) =>
        new(Ods, Library, new DocumentCache(CacheDirectory(dataDirectory)), store, Options);

    public void Dispose() => _http.Dispose();
}
