using System.Diagnostics;

namespace Graph.Cypher.Tests;

/// <summary>The =~ operator cannot be used to hold the engine: catastrophic patterns end quickly or within the query's limit.</summary>
public sealed class RegexGuardTests
{
    private static readonly string Victim = new string('a', 40) + "!";

    [Fact]
    public void NestedQuantifiersRunInLinearTime()
    {
        var engine = new CypherEngine(new CypherOptions { Timeout = TimeSpan.FromSeconds(20) });
        var watch = Stopwatch.StartNew();
        var row = Assert.Single(engine.Execute("RETURN $s =~ '(a+)+b' AS m, $s =~ '(a|aa)*!' AS n",
            new Dictionary<string, object?> { ["s"] = Victim }, TestContext.Current.CancellationToken).Rows);
        Assert.Equal([false, true], row);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void BacktrackingOnlyPatternsStopAtTheQueryLimitWithATimeoutError()
    {
        var engine = new CypherEngine(new CypherOptions { Timeout = TimeSpan.FromSeconds(1) });
        var watch = Stopwatch.StartNew();
        // A look-ahead needs the backtracking engine, and this one backtracks exponentially.
        var error = Assert.Throws<CypherException>(() => engine.Execute("UNWIND range(1, 100) AS i RETURN $s =~ '(?=(a+)+b)a*' AS m",
            new Dictionary<string, object?> { ["s"] = Victim }, TestContext.Current.CancellationToken));
        Assert.Equal("Timeout", error.ErrorType);
        Assert.Equal("Neo.ClientError.Transaction.TransactionTimedOut", error.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void BackReferencesStillWork()
    {
        var row = Assert.Single(new CypherEngine().Execute("RETURN 'abab' =~ '(ab)\\\\1' AS m", null, TestContext.Current.CancellationToken).Rows);
        Assert.Equal(true, row[0]);
    }
}
