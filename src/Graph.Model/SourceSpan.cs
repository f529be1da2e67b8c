namespace Graph.Model;

/// <summary>
/// A half-open range [Start, End) of character offsets into a document's normalised text,
/// so that every extracted fact can be traced back to the words that stated it.
/// </summary>
public readonly record struct SourceSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(SourceSpan other) => Start <= other.Start && other.End <= End;

    public override string ToString() => $"{Start}..{End}";
}
