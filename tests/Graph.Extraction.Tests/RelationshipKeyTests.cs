using Graph.Extraction.Linking;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// A citation's or mention's key is kept as a text and the number where it starts, and written out only when read:
/// read, it must be the key as it was always written, and either form of one key must be one identity.
/// </summary>
public sealed class RelationshipKeyTests
{
    [Fact]
    public void Citation_and_mention_keys_read_as_the_paragraph_and_where_they_start()
    {
        // The longest resolution of the collection: hundreds of citations and mentions.
        var document = UnDocument.Extract("ga-resolutions", "A_RES_79_144.txt");
        var cites = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start != document.DocumentId).ToList();
        var mentions = document.Relationships.Where(r => r.Type == RelationshipTypes.Mentions).ToList();
        Assert.NotEmpty(cites);
        Assert.NotEmpty(mentions);
        foreach (var cite in cites)
        {
            var local = cite.Start[(cite.Start.IndexOf('#', StringComparison.Ordinal) + 1)..];
            Assert.Equal($"{local}@{cite.Properties[PropertyNames.SpanStart]}", cite.Key);
            Assert.Equal(cite.Key.Length, cite.KeyLength);
        }
        foreach (var mention in mentions) Assert.Equal($"{mention.Properties[PropertyNames.SpanStart]}", mention.Key);
        Assert.Equal(document.Relationships.Count, document.Relationships.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_key_given_as_text_and_number_is_the_same_identity_as_the_key_written_out()
    {
        var parts = new GraphRelationship(RelationshipTypes.Cites, "A/RES/79/144#op3", "A/RES/70/1", "op3@", 1234);
        var whole = new GraphRelationship(RelationshipTypes.Cites, "A/RES/79/144#op3", "A/RES/70/1", null, "op3@1234");
        var other = new GraphRelationship(RelationshipTypes.Cites, "A/RES/79/144#op3", "A/RES/70/1", "op3@", 1235);
        Assert.Equal("op3@1234", parts.Key);
        Assert.Equal(whole.Id, parts.Id);
        Assert.Equal("op3@1234", parts.Clone().Key);
        Assert.True(RelationshipIdentity.Comparer.Equals(parts, whole));
        Assert.Equal(RelationshipIdentity.Comparer.GetHashCode(whole), RelationshipIdentity.Comparer.GetHashCode(parts));
        Assert.Equal(RelationshipIdentity.Comparer.GetHashCode(whole),
            RelationshipIdentity.Comparer.GetHashCode((RelationshipTypes.Cites, "A/RES/79/144#op3", "A/RES/70/1", "op3@", 1234)));
        Assert.False(RelationshipIdentity.Comparer.Equals(parts, other));
        Assert.Equal("1234", new GraphRelationship(RelationshipTypes.Mentions, "A/RES/79/144#op3", "org:un", "", 1234).Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphRelationship(RelationshipTypes.Mentions, "A/RES/79/144#op3", "org:un", "", -1));
    }
}
