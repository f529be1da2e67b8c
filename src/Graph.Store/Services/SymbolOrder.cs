namespace Graph.Store.Services;

/// <summary>
/// Orders document symbols the way people read them: numbers by value, so A/RES/9/1 comes before
/// A/RES/71/12 and A/RES/71/12 before A/RES/77/13.
/// </summary>
internal sealed class SymbolOrder : IComparer<string>
{
    public static readonly SymbolOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var startI = i;
                var startJ = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var a = x.AsSpan(startI, i - startI).TrimStart('0');
                var b = y.AsSpan(startJ, j - startJ).TrimStart('0');
                if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
                var digits = a.SequenceCompareTo(b);
                if (digits != 0) return digits;
                continue;
            }
            if (x[i] != y[j]) return x[i].CompareTo(y[j]);
            i++;
            j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
