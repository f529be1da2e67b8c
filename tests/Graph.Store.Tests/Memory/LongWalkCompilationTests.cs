using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using Graph.Model;
using Graph.Store.Memory;

namespace Graph.Store.Tests.Memory;

/// <summary>
/// The store's walks that a query calls once and that loop over much of the graph (the reach count of
/// <c>count(DISTINCT x)</c> over <c>*1..k</c>, the grouped count of a global aggregation, the key check behind it) must
/// not stop to compile on the query's thread once they have run: under tiered compilation such a method's first long
/// loop was replaced on the stack by a full compile of the method, timed as that query's latency.
/// </summary>
public sealed class LongWalkCompilationTests
{
    private const int Fanout = 20_000;

    /// <summary>
    /// What the Release test below checks in behaviour, checked where every build can see it: a Debug build is never
    /// tiered, so there only the request to compile these walks optimised at once can be seen.
    /// </summary>
    [Theory]
    [InlineData(nameof(MemoryGraph.CountReachable))]
    [InlineData(nameof(MemoryGraph.CountOtherEndsPerNode))]
    [InlineData(nameof(MemoryGraph.EveryNodeHasKey))]
    [InlineData("EndsOfType")]
    public void LongWalksAskToBeCompiledOptimisedAtOnce(string name)
    {
        var method = typeof(MemoryGraph).GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotNull(method);
        Assert.True(method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), $"{name} is compiled in tiers");
    }

    [Fact]
    public void LongWalksCompileNothingOnTheCallingThreadAfterTheirFirstCall()
    {
        var debuggable = typeof(MemoryGraph).Assembly.GetCustomAttribute<DebuggableAttribute>();
        Assert.SkipWhen(debuggable?.IsJITOptimizerDisabled == true,
            "Graph.Store is built without optimisation (Debug), which the runtime never tiers: run with -c Release.");

        using var graph = new MemoryGraph();
        var root = Document(graph, "A/RES/1/1");
        var hub = Document(graph, "A/RES/1/2");
        graph.CreateRelationship(RelationshipTypes.Cites, root, hub);
        graph.CreateRelationship(RelationshipTypes.Cites, hub, Document(graph, "A/RES/1/3"));
        string[] types = [RelationshipTypes.Cites];
        string[] labels = [Labels.Document];
        var ticks = 0;
        Action tick = () => ticks++;
        long cited = 0;
        Action<long, long> visit = (_, count) => cited += count;

        // First calls on a small graph, before and after a write (which replaces what the walks keep per state of the
        // graph): whatever the walks use is compiled here, as a server's first queries would compile it.
        tick();
        JitInfo.GetCompiledMethodCount(currentThread: true);
        for (var round = 1; round <= 2; round++)
        {
            Assert.Equal(round + 1, graph.CountReachable(root, Direction.Outgoing, types, 1, 5, labels, tick));
            cited = 0;
            graph.CountOtherEndsPerNode(Direction.Incoming, RelationshipTypes.Cites, labels, labels, visit);
            Assert.Equal(round + 1, cited);
            Assert.True(graph.EveryNodeHasKey(Labels.Document));
            graph.CreateRelationship(RelationshipTypes.Cites, hub, Document(graph, $"A/RES/1/{round + 3}"));
        }

        // The hub then cites many documents: each walk's loop now runs long enough to be replaced on the stack. Counted
        // inline, not through a delegate, so that nothing but the walk itself runs between the two counts.
        for (var i = 0; i < Fanout; i++) graph.CreateRelationship(RelationshipTypes.Cites, hub, Document(graph, $"A/RES/2/{i}"));
        cited = 0;

        var before = JitInfo.GetCompiledMethodCount(currentThread: true);
        var reached = graph.CountReachable(root, Direction.Outgoing, types, 1, 5, labels, tick);
        var reachCompiled = JitInfo.GetCompiledMethodCount(currentThread: true) - before;

        before = JitInfo.GetCompiledMethodCount(currentThread: true);
        graph.CountOtherEndsPerNode(Direction.Incoming, RelationshipTypes.Cites, labels, labels, visit);
        var groupCompiled = JitInfo.GetCompiledMethodCount(currentThread: true) - before;

        before = JitInfo.GetCompiledMethodCount(currentThread: true);
        var keyed = graph.EveryNodeHasKey(Labels.Document);
        var keyCompiled = JitInfo.GetCompiledMethodCount(currentThread: true) - before;

        Assert.Equal(Fanout + 4, reached);
        Assert.True(ticks > 1, "the walk ticks its budget every 4,096 steps");
        Assert.Equal(Fanout + 4, cited);
        Assert.True(keyed);
        Assert.Equal((0L, 0L, 0L), (reachCompiled, groupCompiled, keyCompiled));
    }

    private static long Document(MemoryGraph graph, string id) =>
        graph.CreateNode([Labels.Document], [new(PropertyNames.Id, id)]);
}
