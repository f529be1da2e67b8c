using Graph.Cypher;

namespace Graph.Web.Hosting;

/// <summary>The Cypher engine cannot read the configured store.</summary>
public sealed class QueryEngineUnavailableException(string message) : Exception(message);

/// <summary>
/// Runs Cypher for the Query API over the open graph. The engine is synchronous, so each query runs on a
/// thread of its own (see <see cref="DedicatedThread"/>). Read-only queries give way to writes
/// (<see cref="WriterPriority"/>); a query that may write holds writers' priority while it runs.
/// </summary>
public sealed class QueryEngine(Func<CypherEngine?> engine, WriterPriority priority)
{
    /// <summary>Runs <paramref name="statement"/>; with <paramref name="readOnly"/> (the client asked for read access) it runs read-only whatever the engine allows.</summary>
    public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, bool readOnly, CancellationToken cancellationToken)
    {
        var current = engine() ?? throw new QueryEngineUnavailableException(
            "The Cypher engine cannot read this store yet; the explorer's other views work without it.");
        var options = readOnly && !current.Options.ReadOnly ? current.Options with { ReadOnly = true } : current.Options;
        if (options.ReadOnly)
        {
            return priority.ReadAsync(token => DedicatedThread.Run("cypher read", () => current.Execute(statement, parameters, options, token)), cancellationToken);
        }
        return WriteAsync(current, statement, parameters, options, cancellationToken);
    }

    private async Task<CypherResult> WriteAsync(CypherEngine current, string statement, IReadOnlyDictionary<string, object?> parameters, CypherOptions options, CancellationToken cancellationToken)
    {
        using (priority.EnterWrite())
            return await DedicatedThread.Run("cypher write", () => current.Execute(statement, parameters, options, cancellationToken));
    }
}
