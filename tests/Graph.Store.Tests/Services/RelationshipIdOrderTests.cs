using Graph.Model;
using Graph.Store.Services;

namespace Graph.Store.Tests.Services;

/// <summary>The piecewise order of relationship ids must be the ordinal order of the id strings themselves.</summary>
public sealed class RelationshipIdOrderTests
{
    [Fact]
    public void OrdersAsTheIdStringsDoEvenWhenOnePieceIsAPrefixOfAnother()
    {
        // Symbols where one is a prefix of another ("A/RES/1" and "A/RES/1-x", "A/RES/10"), paragraph ids,
        // types that are prefixes of each other, and keys: the characters after a piece decide those.
        string[] nodes = ["A/RES/1", "A/RES/1-x", "A/RES/10", "A/RES/1#op1", "A/RES/1#op1.a", "S/RES/1631 (2005)", "_7", "A", "A-"];
        string[] types = ["CITES", "CITE", "CITES_", "HAS_PARAGRAPH", "-"];
        string[] keys = ["", "1", "10", "2", "#"];
        var random = new Random(3);
        var parts = new List<RelationshipIdParts>();
        for (var i = 0; i < 2000; i++)
            parts.Add(new RelationshipIdParts(i, nodes[random.Next(nodes.Length)], types[random.Next(types.Length)], nodes[random.Next(nodes.Length)], keys[random.Next(keys.Length)]));
        static string Id(RelationshipIdParts p) => new GraphRelationship(p.Type, p.Start, p.End, null, p.Key).Id;

        var expected = parts.Select(Id).Order(StringComparer.Ordinal).ToList();
        var sorted = parts.ToList();
        sorted.Sort(RelationshipIdOrder.Instance);
        Assert.Equal(expected, sorted.Select(Id));
        Assert.Equal(expected.Take(37), RelationshipIdOrder.Smallest(parts, 37).Select(Id));
        Assert.Empty(RelationshipIdOrder.Smallest(parts, 0));

        // Skipping what MayKeep rules out by the start piece alone must not change the page.
        foreach (var count in new[] { 1, 5, 37, 500 })
        {
            var page = new SmallestRelationshipIds(count);
            var skipped = 0;
            foreach (var part in parts)
                if (page.MayKeep(part.Start)) page.Offer(part);
                else skipped++;
            Assert.Equal(expected.Take(count), page.InOrder().Select(Id));
            if (count == 1) Assert.True(skipped > 0);
        }
    }
}
