using System.Collections;

namespace Graph.Store.Memory;

/// <summary>
/// An immutable, ordinally sorted set of labels. The graph interns label sets, so the many nodes that
/// share a combination (every Paragraph, every Document:Resolution) share one instance.
/// </summary>
public sealed class LabelSet : IReadOnlyList<string>
{
    public static readonly LabelSet Empty = new([]);

    private readonly string[] _labels;

    internal LabelSet(string[] sortedLabels) => _labels = sortedLabels;

    public int Count => _labels.Length;

    public string this[int index] => _labels[index];

    public bool Contains(string label) => Array.BinarySearch(_labels, label, StringComparer.Ordinal) >= 0;

    internal string Key => string.Join('\u0001', _labels);

    internal static string KeyOf(IEnumerable<string> sortedLabels) => string.Join('\u0001', sortedLabels);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _labels.GetEnumerator();

    public override string ToString() => _labels.Length == 0 ? "" : ":" + string.Join(':', _labels);
}
