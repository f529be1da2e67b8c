namespace Graph.Cypher.Tests;

internal static class EngineTestExtensions
{
    /// <summary>Runs a query under the test's cancellation token.</summary>
    public static CypherResult Run(this CypherEngine engine, string query, IReadOnlyDictionary<string, object?>? parameters = null) =>
        engine.Execute(query, parameters, TestContext.Current.CancellationToken);
}
