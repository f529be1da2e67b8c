using System.Text.Json;

namespace Graph.Model.Tests;

public sealed class SortedPropertyMapTests
{
    // Upper case sorts before lower case in ordinal order, and "a" before "aa": the order the exports rely on.
    private static readonly string[] OrdinalOrder = ["B", "a", "aa", "b", "spanEnd", "spanStart", "Ä"];

    [Fact]
    public void EnumeratesInOrdinalOrderWhateverTheInsertionOrder()
    {
        var map = new SortedPropertyMap();
        foreach (var key in OrdinalOrder.Reverse()) map[key] = key.Length;
        foreach (var key in new[] { "b", "B" }) map[key] = key;

        Assert.Equal(OrdinalOrder, map.Select(p => p.Key));
        Assert.Equal(OrdinalOrder, map.Keys);
        Assert.Equal(OrdinalOrder.Select(k => map[k]), map.Values);
        Assert.Equal(OrdinalOrder.Length, map.Count);
    }

    [Fact]
    public void EnumeratesLikeTheSortedDictionaryItReplaces()
    {
        var random = new Random(7);
        var map = new SortedPropertyMap();
        var reference = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        for (var step = 0; step < 2_000; step++)
        {
            var key = ((char)('A' + random.Next(60))).ToString() + random.Next(5);
            switch (random.Next(4))
            {
                case 0:
                    Assert.Equal(reference.Remove(key), map.Remove(key));
                    break;
                case 1:
                    Assert.Equal(reference.TryAdd(key, step), map.TryAdd(key, step));
                    break;
                default:
                    reference[key] = step;
                    map[key] = step;
                    break;
            }
            Assert.Equal(reference, map);
        }
    }

    [Fact]
    public void TheProvenanceHeldOutsideTheArraysEnumeratesLikeTheSortedDictionaryItReplaces()
    {
        // The source and a span set by SetSpan are held in fields of the node or relationship, merged in when read:
        // every way of setting, adding, removing and clearing them must read as a dictionary would.
        string[] keys = [PropertyNames.Source, PropertyNames.SpanStart, PropertyNames.SpanEnd, "sp", "spanA", "sourcf", "a", "z", "verb"];
        var random = new Random(11);
        var node = new GraphNode("A/RES/77/13", [Labels.Document]);
        var map = node.Properties;
        var reference = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        for (var step = 0; step < 5_000; step++)
        {
            var key = keys[random.Next(keys.Length)];
            switch (random.Next(6))
            {
                case 0:
                    Assert.Equal(reference.Remove(key), map.Remove(key));
                    break;
                case 1:
                    Assert.Equal(reference.TryAdd(key, (long)step), map.TryAdd(key, (long)step));
                    break;
                case 2:
                    var span = new SourceSpan(step, step + random.Next(100));
                    map.SetSpan(PropertyNames.SpanStart, PropertyNames.SpanEnd, span);
                    reference[PropertyNames.SpanStart] = (long)span.Start;
                    reference[PropertyNames.SpanEnd] = (long)span.End;
                    break;
                case 3 when random.Next(50) == 0:
                    map.Clear();
                    reference.Clear();
                    break;
                default:
                    var value = random.Next(3) == 0 ? null : (object)("v" + step);
                    reference[key] = value;
                    node.Properties[key] = value;
                    break;
            }
            Assert.Equal(reference, map);
            Assert.Equal(reference.Count, map.Count);
            Assert.Equal(reference.Keys, map.Keys);
            Assert.Equal(reference.Values, map.Values);
            foreach (var k in keys)
            {
                Assert.Equal(reference.ContainsKey(k), map.ContainsKey(k));
                Assert.Equal(reference.TryGetValue(k, out var expected), map.TryGetValue(k, out var actual));
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void ASpanReadBackFromJsonIsHeldAsTheExtractorsIs()
    {
        var relationship = new GraphRelationship("CITES", "A/RES/77/13#op1", "A/RES/71/1", new Dictionary<string, object?>
        {
            ["via"] = "inline", [PropertyNames.SpanStart] = 120L, [PropertyNames.Source] = "A/RES/77/13", [PropertyNames.SpanEnd] = 131L,
        });
        var copy = new GraphRelationship("CITES", "A/RES/77/13#op1", "A/RES/71/1");
        copy.Properties.SetSpan(PropertyNames.SpanStart, PropertyNames.SpanEnd, new SourceSpan(120, 131));
        copy.Properties[PropertyNames.Source] = "A/RES/77/13";
        copy.Properties["via"] = "inline";

        Assert.Equal(copy.Properties, relationship.Properties);
        Assert.Equal([PropertyNames.Source, PropertyNames.SpanEnd, PropertyNames.SpanStart, "via"], relationship.Properties.Keys);
        Assert.Equal("""{"source":"A/RES/77/13","spanEnd":131,"spanStart":120,"via":"inline"}""", JsonSerializer.Serialize(relationship.Properties));
        Assert.Equal("""{"source":"A/RES/77/13","spanEnd":131,"spanStart":120,"via":"inline"}""", JsonSerializer.Serialize(relationship.Clone().Properties));
    }

    [Fact]
    public void AFactSetThroughItselfReadsAsOneSetThroughItsProperties()
    {
        var direct = new GraphRelationship("CITES", "A/RES/77/13#op1", "A/RES/71/1", "op1@", 120);
        direct.EnsurePropertyCapacity(2);
        direct.SetProperty("via", "inline");
        direct.SetProperty(PropertyNames.Source, "A/RES/77/13");
        direct.SetSpanProperties(new SourceSpan(120, 131));
        direct.SetProperty("verb", "Recalls");
        var viaView = new GraphRelationship("CITES", "A/RES/77/13#op1", "A/RES/71/1", "op1@", 120);
        viaView.Properties["verb"] = "Recalls";
        viaView.Properties.SetSpan(PropertyNames.SpanStart, PropertyNames.SpanEnd, new SourceSpan(120, 131));
        viaView.Properties[PropertyNames.Source] = "A/RES/77/13";
        viaView.Properties["via"] = "inline";

        Assert.Equal(viaView.Properties, direct.Properties);
        Assert.Equal(5, direct.Properties.Count);
        Assert.True(direct.HasProperty(PropertyNames.SpanEnd));
        Assert.False(direct.HasProperty("date"));
        Assert.True(direct.TryGetProperty(PropertyNames.SpanStart, out var start));
        Assert.Equal(120L, start);
        Assert.True(direct.TryGetProperty(PropertyNames.Source, out var source));
        Assert.Equal("A/RES/77/13", source);
        direct.SetProperty(PropertyNames.SpanStart, 100L);
        Assert.Equal([100L, 131L], new[] { direct.Properties[PropertyNames.SpanStart], direct.Properties[PropertyNames.SpanEnd] });
    }

    [Fact]
    public void ANodesLabelsReadTheSameBeforeAndAfterTheSetIsMade()
    {
        var node = new GraphNode("A/RES/77/13", [Labels.Resolution, Labels.Document, Labels.Resolution]);
        var other = new GraphNode("A/RES/77/14", [Labels.Document]);
        other.AddLabel(Labels.Resolution);

        Assert.Equal([Labels.Document, Labels.Resolution], node.LabelNames);
        Assert.Equal(node.LabelNames, other.LabelNames);
        Assert.True(node.HasLabel(Labels.Resolution));
        Assert.False(node.HasLabel(Labels.Paragraph));
        node.Labels.Add(Labels.Paragraph);
        node.AddLabel("Agenda");
        Assert.True(node.HasLabel(Labels.Paragraph));
        Assert.Equal(["Agenda", Labels.Document, Labels.Paragraph, Labels.Resolution], node.LabelNames);
        Assert.Equal([Labels.Document, Labels.Resolution], other.LabelNames);
        Assert.Equal("(A/RES/77/14:Document:Resolution)", other.ToString());
    }

    [Fact]
    public void ReadsAndReportsAbsenceAsADictionaryDoes()
    {
        var map = new SortedPropertyMap { ["title"] = "Cooperation", ["stub"] = null };

        Assert.True(map.TryGetValue("stub", out var stub));
        Assert.Null(stub);
        Assert.False(map.TryGetValue("session", out _));
        Assert.True(map.ContainsKey("title"));
        Assert.False(map.ContainsKey("Title"));
        Assert.Throws<KeyNotFoundException>(() => map["session"]);
        Assert.Throws<ArgumentNullException>(() => map.ContainsKey(null!));
    }

    [Fact]
    public void AddThrowsOnADuplicateNameButTheIndexerReplaces()
    {
        var map = new SortedPropertyMap { { "session", 77L } };

        Assert.Throws<ArgumentException>(() => map.Add("session", 78L));
        Assert.False(map.TryAdd("session", 78L));
        map["session"] = 78L;

        Assert.Equal(78L, map["session"]);
        Assert.Single(map);
    }

    [Fact]
    public void CopiesUnsortedInputAndRejectsANameGivenTwice()
    {
        var map = new SortedPropertyMap(new Dictionary<string, object?> { ["z"] = 1L, ["a"] = 2L, ["m"] = 3L });

        Assert.Equal(["a", "m", "z"], map.Keys);
        Assert.Throws<ArgumentException>(() => new SortedPropertyMap([new("a", 1L), new("b", 2L), new("a", 3L)]));
    }

    [Fact]
    public void RemovesByNameAndByPair()
    {
        var map = new SortedPropertyMap { ["a"] = 1L, ["b"] = 2L, ["c"] = 3L };
        ICollection<KeyValuePair<string, object?>> pairs = map;

        Assert.True(map.Remove("b"));
        Assert.False(map.Remove("b"));
        Assert.False(pairs.Remove(new("c", 4L)));
        Assert.True(pairs.Remove(new("c", 3L)));

        Assert.Equal(["a"], map.Keys);
    }

    [Fact]
    public void ChangingTheMapWhileEnumeratingThrows()
    {
        var map = new SortedPropertyMap { ["a"] = 1L, ["b"] = 2L };

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var (key, _) in map) map[key + "x"] = 0L;
        });
    }

    [Fact]
    public void SerialisesAsAJsonObjectInOrdinalOrder()
    {
        var map = new SortedPropertyMap { ["title"] = "Cooperation", ["session"] = 77L, ["Id"] = "A/RES/77/13", ["tags"] = new List<object?> { "a", 1L } };

        var json = JsonSerializer.Serialize(map);

        Assert.Equal("""{"Id":"A/RES/77/13","session":77,"tags":["a",1],"title":"Cooperation"}""", json);
        Assert.Equal(["Id", "session", "tags", "title"], JsonSerializer.Deserialize<SortedPropertyMap>(json)!.Keys);
    }

    [Fact]
    public void ADeferredValueIsReadAsItsStringByEveryReader()
    {
        const string text = "Recalling its resolution 77/13 of 21 November 2022;";
        var map = new SortedPropertyMap { ["context"] = new Slice(text, 10, 30), ["via"] = "inline" };
        var expected = text.Substring(10, 30);

        Assert.Equal(expected, map["context"]);
        Assert.True(map.TryGetValue("context", out var read));
        Assert.Equal(expected, read);
        Assert.Equal([expected, "inline"], map.Values);
        Assert.Equal([new("context", expected), new("via", "inline")], map.ToList());
        Assert.Contains(new KeyValuePair<string, object?>("context", expected), (ICollection<KeyValuePair<string, object?>>)map);
        Assert.Equal("""{"context":"its resolution 77/13 of 21 Nov","via":"inline"}""", JsonSerializer.Serialize(map));
        Assert.IsType<string>(new SortedPropertyMap(map)["context"]);
    }

    [Fact]
    public void ASpanIsReadAsTwoLongsByEveryReader()
    {
        var map = new SortedPropertyMap { ["source"] = "A/RES/77/13" };
        map.SetSpan(PropertyNames.SpanStart, PropertyNames.SpanEnd, new SourceSpan(5_000_000, 5_000_330));

        Assert.Equal(5_000_000L, map[PropertyNames.SpanStart]);
        Assert.True(map.TryGetValue(PropertyNames.SpanEnd, out var end));
        Assert.Equal(5_000_330L, end);
        Assert.Equal(["A/RES/77/13", 5_000_330L, 5_000_000L], map.Values);
        Assert.Contains(new KeyValuePair<string, object?>(PropertyNames.SpanStart, 5_000_000L), (ICollection<KeyValuePair<string, object?>>)map);
        Assert.Equal("""{"source":"A/RES/77/13","spanEnd":5000330,"spanStart":5000000}""", JsonSerializer.Serialize(map));
        Assert.IsType<long>(new SortedPropertyMap(map)[PropertyNames.SpanStart]);
    }

    [Fact]
    public void ASpanPropertySetAgainHoldsTheNewValue()
    {
        var map = new SortedPropertyMap();
        map.SetSpan(PropertyNames.SpanStart, PropertyNames.SpanEnd, new SourceSpan(40, 70));

        map[PropertyNames.SpanEnd] = 12L;
        map.SetSpan("from", "to", new SourceSpan(1, 2));

        Assert.Equal(12L, map[PropertyNames.SpanEnd]);
        Assert.Equal(40L, map[PropertyNames.SpanStart]);
        Assert.Equal(1L, map["from"]);
        Assert.Equal(2L, map["to"]);
        Assert.Throws<ArgumentException>(() => map.SetSpan("at", "at", new SourceSpan(0, 0)));
    }

    /// <summary>A stretch of a text, made a string when read.</summary>
    private sealed class Slice(string text, int start, int length) : DeferredText
    {
        public override string ToString() => text.Substring(start, length);
    }
}
