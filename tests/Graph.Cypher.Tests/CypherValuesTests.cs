using Graph.Cypher.Values;

namespace Graph.Cypher.Tests;

public sealed class CypherValuesTests
{
    [Fact]
    public void ListEqualityIsNullWhenOnlyNullsDecide()
    {
        Assert.Null(CypherValues.Equal(new List<object?> { 1L, null }, new List<object?> { 1L, 2L }));
        Assert.False(CypherValues.Equal(new List<object?> { 3L, null }, new List<object?> { 1L, 2L }));
        Assert.True(CypherValues.Equal(new List<object?> { 1L, "a" }, new List<object?> { 1.0, "a" }));
    }

    [Fact]
    public void IntegersAndFloatsCompareExactly()
    {
        Assert.Equal(0, CypherValues.Compare(1L, 1.0));
        Assert.True(CypherValues.Compare(9007199254740993L, 9007199254740992.0) > 0);
        Assert.Null(CypherValues.Compare(1L, "1"));
    }

    [Fact]
    public void EquivalenceGroupsNullsAndNaN()
    {
        Assert.True(CypherValues.Equivalence.Equals(null, null));
        Assert.True(CypherValues.Equivalence.Equals(double.NaN, double.NaN));
        Assert.Equal(CypherValues.Equivalence.GetHashCode(1L), CypherValues.Equivalence.GetHashCode(1.0));
    }

    [Fact]
    public void NullsSortLastAndNaNAfterNumbers()
    {
        var values = new List<object?> { null, double.NaN, 2L, "b", 1.5 };
        values.Sort(CypherValues.OrderCompare);
        Assert.Equal("b", values[0]);
        Assert.Equal(1.5, values[1]);
        Assert.Equal(2L, values[2]);
        Assert.True(values[3] is double d && double.IsNaN(d));
        Assert.Null(values[4]);
    }
}
