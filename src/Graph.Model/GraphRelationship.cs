namespace Graph.Model;

/// <summary>
/// A directed, typed relationship between two nodes identified by their ids.
/// <see cref="Key"/> tells apart several relationships of one type between the same two nodes
/// (two paragraphs citing the same resolution at two spans); it is part of the identity.
/// </summary>
public sealed class GraphRelationship : PropertyHolder
{
    public GraphRelationship(string type, string start, string end, IDictionary<string, object?>? properties = null, string? key = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(start);
        ArgumentException.ThrowIfNullOrEmpty(end);
        Type = type;
        Start = start;
        End = end;
        _key = key ?? "";
        _keyNumber = NoKeyNumber;
        if (properties is not null) Properties.Load(properties);
    }

    /// <summary>
    /// A relationship whose key is <paramref name="keyText"/> followed by the digits of <paramref name="keyNumber"/>
    /// ("op3@" and 1234 make "op3@1234"; "" and 1234 make "1234"). The key is written out only when read: most keys are
    /// where a citation or mention starts in the text, unique to each relationship, and a long text states hundreds of
    /// thousands of them; as strings they were an object each, kept with the graph, while the text before the number is
    /// shared by every relationship of a paragraph.
    /// </summary>
    public GraphRelationship(string type, string start, string end, string keyText, int keyNumber)
        : this(type, start, end, properties: null, keyText)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keyNumber);
        _keyNumber = keyNumber;
    }

    /// <summary>The number that ends no key: the key text is then the whole key.</summary>
    public const int NoKeyNumber = -1;

    // The whole key, or (when _keyNumber is not NoKeyNumber) the text before its number.
    private readonly string _key;
    private readonly int _keyNumber;

    public string Type { get; }

    public string Start { get; }

    public string End { get; }

    public string Key => _keyNumber == NoKeyNumber ? _key : string.Create(KeyLength, this, static (chars, r) => r.WriteKey(chars));

    /// <summary>How many characters <see cref="Key"/> has, without writing it.</summary>
    public int KeyLength => KeyLengthOf(_key, _keyNumber);

    /// <summary>Writes <see cref="Key"/> into <paramref name="destination"/>, which holds at least <see cref="KeyLength"/> characters.</summary>
    public void WriteKey(Span<char> destination) => WriteKey(_key, _keyNumber, destination);

    /// <summary>How many characters the key of <paramref name="keyText"/> and <paramref name="keyNumber"/> has (the text alone for <see cref="NoKeyNumber"/>).</summary>
    public static int KeyLengthOf(string keyText, int keyNumber) => keyNumber == NoKeyNumber ? keyText.Length : keyText.Length + Digits(keyNumber);

    /// <summary>Writes the key of <paramref name="keyText"/> and <paramref name="keyNumber"/> into <paramref name="destination"/>, which holds at least <see cref="KeyLengthOf"/> characters.</summary>
    public static void WriteKey(string keyText, int keyNumber, Span<char> destination)
    {
        keyText.CopyTo(destination);
        if (keyNumber != NoKeyNumber) keyNumber.TryFormat(destination[keyText.Length..], out _, default, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Digits(int number)
    {
        var digits = 1;
        while (number >= 10)
        {
            number /= 10;
            digits++;
        }
        return digits;
    }

    /// <summary>Identity of the relationship: type, ends and key.</summary>
    public string Id => Key.Length == 0 ? $"{Start}-[{Type}]->{End}" : $"{Start}-[{Type}]->{End}#{Key}";

    /// <summary>The relationship's properties: a view of what the relationship holds (see <see cref="PropertyHolder"/>), made on each read.</summary>
    public SortedPropertyMap Properties => new(this);

    public GraphRelationship Clone() =>
        new(Type, Start, End, Properties.ToDictionary(p => p.Key, p => PropertyValues.Copy(p.Value)), Key);

    public override string ToString() => Id;
}
