using Graph.Store.Memory;

namespace Graph.Store.Tests.Memory;

public sealed class AdjacencyPoolTests
{
    [Fact]
    public void ListsAgreeWithPlainListsAfterRandomAddsAndRemoves()
    {
        var random = new Random(7);
        var pool = new AdjacencyPool();
        var references = new int[200];
        var counts = new int[200];
        var model = Enumerable.Range(0, 200).Select(_ => new List<int>()).ToArray();
        var next = 0;
        for (var step = 0; step < 100_000; step++)
        {
            var list = random.Next(200);
            if (model[list].Count > 0 && random.Next(3) == 0)
            {
                var id = model[list][random.Next(model[list].Count)];
                pool.Remove(references[list], ref counts[list], id);
                model[list].Remove(id);
            }
            else
            {
                pool.Add(ref references[list], ref counts[list], next);
                model[list].Add(next++);
            }
        }
        for (var list = 0; list < 200; list++)
            Assert.Equal(model[list], pool.List(references[list], counts[list]).ToArray());
        Assert.True(pool.GarbageSlots >= 0 && pool.LiveSlots >= counts.Sum());
    }

    [Fact]
    public void ReusesTheBlocksGrowingListsLeave()
    {
        var pool = new AdjacencyPool();
        var references = new int[10_000];
        var counts = new int[10_000];
        for (var list = 0; list < references.Length; list++)
            for (var id = 0; id < 8; id++) pool.Add(ref references[list], ref counts[list], id);
        // Lists of 8 hold 8 slots each; the 1 + 2 + 4 slots each left behind were taken by the next list.
        Assert.True(pool.GarbageSlots <= 7 * 2, $"{pool.GarbageSlots} free slots left over");
        Assert.Equal(8L * references.Length, pool.LiveSlots);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], pool.List(references[^1], counts[^1]).ToArray());
    }

    [Fact]
    public void KeepsAListLargerThanAChunkAndCopiesItIntoAFreshPool()
    {
        var pool = new AdjacencyPool();
        int reference = 0, count = 0;
        for (var id = 0; id < 1_500_000; id++) pool.Add(ref reference, ref count, id);
        // Shrinking past a million ids leaves the upper half of the chunk as garbage; past 256 Ki ids the free half is reused.
        for (var id = 1_499_999; id >= 300_000; id--) pool.Remove(reference, ref count, id);
        for (var id = 300_000; id < 1_500_000; id++) pool.Add(ref reference, ref count, id);
        pool.Remove(reference, ref count, 0);
        var fresh = new AdjacencyPool();
        var copied = fresh.Copy(pool.List(reference, count));
        var ids = fresh.List(copied, count);
        Assert.Equal(1_499_999, ids.Length);
        Assert.Equal(Enumerable.Range(1, 1_499_999), ids.ToArray());
    }
}
