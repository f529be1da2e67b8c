using Graph.Neo4j.QueryApi;

namespace Graph.Neo4j;

/// <summary>
/// The schema of graph/schema/*.cypher (embedded in this assembly): constraints and indexes, each
/// <c>IF NOT EXISTS</c>, applied in file-name order, one statement per request (schema commands cannot
/// share a transaction with each other in Neo4j).
/// </summary>
public static class Neo4jSchema
{
    /// <summary>The label every graph node carries besides its model labels; its <c>id</c> is unique.</summary>
    public const string NodeLabel = "Entity";

    /// <summary>The label of the per-document bookkeeping nodes.</summary>
    public const string IngestedDocumentLabel = "IngestedDocument";

    /// <summary>The statements of every schema file, in file-name order.</summary>
    public static IReadOnlyList<(string File, string Statement)> Statements()
    {
        var assembly = typeof(Neo4jSchema).Assembly;
        const string prefix = "Graph.Neo4j.Schema.";
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        foreach (var resource in files)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            foreach (var statement in Split(reader.ReadToEnd()))
                result.Add((resource[prefix.Length..], statement));
        }
        return result;
    }

    /// <summary>Splits a schema file into statements: `//` comment lines dropped, statements end with `;`.</summary>
    internal static IEnumerable<string> Split(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal));
        return string.Join(' ', lines).Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);
    }

    public static async Task ApplyAsync(IQueryApiClient client, CancellationToken cancellationToken = default)
    {
        foreach (var (file, statement) in Statements())
        {
            try
            {
                await client.RunAsync(statement, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (QueryApiException e) when (e is not QueryApiUnavailableException and not QueryApiTimeoutException and not QueryApiAuthenticationException)
            {
                throw new QueryApiException(e.Code, $"Applying the schema file {file} failed on '{statement}': {e.Message}", e.HttpStatus, e);
            }
        }
    }
}
