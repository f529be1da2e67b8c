using Graph.Cypher;

namespace Graph.Web.Hosting;

/// <summary>The Cypher engine cannot read the configured store.</summary>
public sealed class QueryEngineUnavailableException(string message) : Exception(message);

/// <summary>
/// Runs Cypher for the Query API over the open graph. The engine is synchronous and serialises its
/// queries, so each runs on the thread pool rather than on the request's thread.
/// </summary>
public sealed class QueryEngine(Func<CypherEngine?> engine)
{
    public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var current = engine() ?? throw new QueryEngineUnavailableException(
            "The Cypher engine cannot read this store yet; the explorer's other views work without it.");
        return Task.Run(() => current.Execute(statement, parameters, cancellationToken), cancellationToken);
    }
}
