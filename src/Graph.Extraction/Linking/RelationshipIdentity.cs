using System.Numerics;
using System.Runtime.InteropServices;
using Graph.Model;

namespace Graph.Extraction.Linking;

/// <summary>
/// Equality of a relationship's identity (type, start, end, key) with a cheaper hash than the tuple's own:
/// every relationship stated is looked up once, and hashing four strings with the randomised string hash
/// showed in profiles. Equality is still ordinal on all four strings; the hash reads every character, four at a
/// time, so no input can make many identities collide.
/// </summary>
/// <remarks>
/// The builder keeps the relationships themselves in a set and looks them up by these four strings (an alternate
/// lookup), rather than keying a dictionary by a tuple of them: an entry is then 16 bytes, not 48, for every
/// relationship of a long text.
/// </remarks>
internal sealed class RelationshipIdentity : IEqualityComparer<GraphRelationship>, IAlternateEqualityComparer<(string Type, string Start, string End, string Key), GraphRelationship>
{
    public static readonly RelationshipIdentity Comparer = new();

    public bool Equals(GraphRelationship? x, GraphRelationship? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Equals((x.Type, x.Start, x.End, x.Key), y));

    public int GetHashCode(GraphRelationship relationship) => GetHashCode((relationship.Type, relationship.Start, relationship.End, relationship.Key));

    public bool Equals((string Type, string Start, string End, string Key) x, GraphRelationship y) =>
        string.Equals(x.Type, y.Type, StringComparison.Ordinal) && string.Equals(x.Start, y.Start, StringComparison.Ordinal)
        && string.Equals(x.End, y.End, StringComparison.Ordinal) && string.Equals(x.Key, y.Key, StringComparison.Ordinal);

    public int GetHashCode((string Type, string Start, string End, string Key) identity)
    {
        var hash = Mix(0, identity.Type);
        hash = Mix(hash, identity.Start);
        hash = Mix(hash, identity.End);
        hash = Mix(hash, identity.Key);
        return (int)(hash ^ (hash >> 32));
    }

    public GraphRelationship Create((string Type, string Start, string End, string Key) identity) =>
        new(identity.Type, identity.Start, identity.End, null, identity.Key);

    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private static ulong Mix(ulong hash, string text)
    {
        var chars = text.AsSpan();
        hash = (hash ^ (ulong)chars.Length) * Multiplier;
        foreach (var four in MemoryMarshal.Cast<char, ulong>(chars)) hash = BitOperations.RotateLeft((hash ^ four) * Multiplier, 31);
        for (var i = chars.Length & ~3; i < chars.Length; i++) hash = BitOperations.RotateLeft((hash ^ chars[i]) * Multiplier, 31);
        return hash;
    }
}
