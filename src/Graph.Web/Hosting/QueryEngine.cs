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
    /// <summary>Begins an explicit transaction on the engine this request may use; read-only when <paramref name="write"/> is false.</summary>
    /// <exception cref="QueryEngineUnavailableException">The store offers no Cypher engine.</exception>
    public CypherTransaction BeginTransaction(bool write)
    {
        var current = Current();
        return current.BeginTransaction(write ? current.Options : current.Options with { ReadOnly = true });
    }

    public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var current = Current();
        return Task.Run(() => current.Execute(statement, parameters, cancellationToken), cancellationToken);
    }

    private CypherEngine Current() =>
        engine() ?? throw new QueryEngineUnavailableException(
            "The Cypher engine cannot read this store yet; the explorer's other views work without it.");
}
