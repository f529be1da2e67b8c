namespace Graph.Sources;

/// <summary>
/// Where documents come from and how politely they are asked for: the UN Official Document System (ODS), the UN
/// Digital Library, and the limits every request keeps. The defaults are the real hosts; tests point both base
/// URLs at a replica on loopback.
/// </summary>
public sealed record SourceOptions
{
    public const string OdsUrlVariable = "GRAPH_ODS_URL";
    public const string LibraryUrlVariable = "GRAPH_LIBRARY_URL";

    public static readonly Uri DefaultOdsUrl = new("https://documents.un.org/");
    public static readonly Uri DefaultLibraryUrl = new("https://digitallibrary.un.org/");

    /// <summary>The ODS, whose <c>api/symbol/access</c> answers a symbol with a redirect to the file.</summary>
    public Uri OdsUrl { get; init; } = DefaultOdsUrl;

    /// <summary>The UN Digital Library, searched (MARCXML) for the later resolutions of a series.</summary>
    public Uri LibraryUrl { get; init; } = DefaultLibraryUrl;

    /// <summary>Sent with every request so the UN can see who asks.</summary>
    public string UserAgent { get; init; } = "Graph/1.0 (knowledge graph of UN documents; graph fetch)";

    /// <summary>Requests in flight at once, across the ODS and the library.</summary>
    public int MaxConcurrentRequests { get; init; } = 2;

    /// <summary>Retries of one request on 408, 429, 5xx, a refused connection or a timeout.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first back-off; later ones double (with jitter). A Retry-After header takes precedence.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take to answer with headers, and then again to deliver its body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Files larger than this are refused (UN documents are a few MB).</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The options with base URLs taken from GRAPH_ODS_URL and GRAPH_LIBRARY_URL where they are set.</summary>
    /// <exception cref="ArgumentException">A variable is set but is not an absolute http(s) URL.</exception>
    public static SourceOptions FromEnvironment(string? odsUrl = null, string? libraryUrl = null) => new()
    {
        OdsUrl = ParseBaseUrl(odsUrl ?? Environment.GetEnvironmentVariable(OdsUrlVariable), DefaultOdsUrl, "--ods-url / " + OdsUrlVariable),
        LibraryUrl = ParseBaseUrl(libraryUrl ?? Environment.GetEnvironmentVariable(LibraryUrlVariable), DefaultLibraryUrl, "--library-url / " + LibraryUrlVariable),
    };

    private static Uri ParseBaseUrl(string? text, Uri fallback, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"{name}: '{text}' is not an http(s) URL.");
        // A base URL without a trailing slash would lose its last path segment when combined.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
