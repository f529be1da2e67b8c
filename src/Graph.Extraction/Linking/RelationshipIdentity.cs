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
/// The builder keeps the relationships themselves in a set and looks them up by these four (an alternate lookup),
/// rather than keying a dictionary by a tuple of them: an entry is then 16 bytes, not 48, for every relationship of a
/// long text. A key may come as a text and a number (see <see cref="GraphRelationship"/>): it is compared and hashed as
/// the characters it reads as, written into a buffer, so either form of one key is the same identity.
/// </remarks>
internal sealed class RelationshipIdentity : IEqualityComparer<GraphRelationship>, IAlternateEqualityComparer<(string Type, string Start, string End, string KeyText, int KeyNumber), GraphRelationship>
{
    public static readonly RelationshipIdentity Comparer = new();

    // Keys are short ("op12@4711"); a longer one is written into an array of its own.
    private const int StackKey = 128;

    public bool Equals(GraphRelationship? x, GraphRelationship? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || !SameEnds(x.Type, x.Start, x.End, y)) return false;
        var length = x.KeyLength;
        if (length != y.KeyLength) return false;
        Span<char> left = length <= StackKey ? stackalloc char[length] : new char[length];
        Span<char> right = length <= StackKey ? stackalloc char[length] : new char[length];
        x.WriteKey(left);
        y.WriteKey(right);
        return left.SequenceEqual(right);
    }

    public int GetHashCode(GraphRelationship relationship)
    {
        var length = relationship.KeyLength;
        Span<char> key = length <= StackKey ? stackalloc char[length] : new char[length];
        relationship.WriteKey(key);
        return Hash(relationship.Type, relationship.Start, relationship.End, key);
    }

    public bool Equals((string Type, string Start, string End, string KeyText, int KeyNumber) x, GraphRelationship y)
    {
        if (!SameEnds(x.Type, x.Start, x.End, y)) return false;
        var length = GraphRelationship.KeyLengthOf(x.KeyText, x.KeyNumber);
        if (length != y.KeyLength) return false;
        Span<char> left = length <= StackKey ? stackalloc char[length] : new char[length];
        Span<char> right = length <= StackKey ? stackalloc char[length] : new char[length];
        GraphRelationship.WriteKey(x.KeyText, x.KeyNumber, left);
        y.WriteKey(right);
        return left.SequenceEqual(right);
    }

    public int GetHashCode((string Type, string Start, string End, string KeyText, int KeyNumber) identity)
    {
        var length = GraphRelationship.KeyLengthOf(identity.KeyText, identity.KeyNumber);
        Span<char> key = length <= StackKey ? stackalloc char[length] : new char[length];
        GraphRelationship.WriteKey(identity.KeyText, identity.KeyNumber, key);
        return Hash(identity.Type, identity.Start, identity.End, key);
    }

    public GraphRelationship Create((string Type, string Start, string End, string KeyText, int KeyNumber) identity) =>
        identity.KeyNumber == GraphRelationship.NoKeyNumber
            ? new(identity.Type, identity.Start, identity.End, null, identity.KeyText)
            : new(identity.Type, identity.Start, identity.End, identity.KeyText, identity.KeyNumber);

    private static bool SameEnds(string type, string start, string end, GraphRelationship y) =>
        string.Equals(type, y.Type, StringComparison.Ordinal) && string.Equals(start, y.Start, StringComparison.Ordinal)
        && string.Equals(end, y.End, StringComparison.Ordinal);

    private static int Hash(string type, string start, string end, ReadOnlySpan<char> key)
    {
        var hash = Mix(0, type);
        hash = Mix(hash, start);
        hash = Mix(hash, end);
        hash = Mix(hash, key);
        return (int)(hash ^ (hash >> 32));
    }

    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private static ulong Mix(ulong hash, ReadOnlySpan<char> chars)
    {
        hash = (hash ^ (ulong)chars.Length) * Multiplier;
        foreach (var four in MemoryMarshal.Cast<char, ulong>(chars)) hash = BitOperations.RotateLeft((hash ^ four) * Multiplier, 31);
        for (var i = chars.Length & ~3; i < chars.Length; i++) hash = BitOperations.RotateLeft((hash ^ chars[i]) * Multiplier, 31);
        return hash;
    }
}
