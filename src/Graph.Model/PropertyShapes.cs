using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Graph.Model;

/// <summary>
/// The sorted names of a <see cref="SortedPropertyMap"/>, shared by every map that holds the same names: the
/// extractor states millions of facts with a dozen sets of names between them (a citation's, a paragraph's), so
/// a map keeps one array of values and points at its names rather than holding a name beside every value.
/// A node's labels, kept sorted in the same order, are shared the same way (see <see cref="GraphNode.LabelNames"/>).
/// </summary>
/// <remarks>
/// A name array is never changed once made: adding a name moves the map to the array for its names plus that
/// one, found in a table of such steps. The table is bounded (names coming from users could make any number of
/// sets); past its bound, a map gets an array of its own, which is as correct and merely not shared.
/// </remarks>
internal static class PropertyShapes
{
    private const int MostSteps = 4096;

    private static readonly ConcurrentDictionary<Step, string[]> Steps = new(StepComparer.Instance);
    // Counted here: ConcurrentDictionary.Count takes every lock of the table.
    private static int _stepCount;

    /// <summary><paramref name="names"/> with <paramref name="name"/> inserted at <paramref name="index"/>.</summary>
    public static string[] Adding(string[] names, int index, string name)
    {
        var step = new Step(names, name);
        if (Steps.TryGetValue(step, out var next)) return next;
        next = new string[names.Length + 1];
        Array.Copy(names, next, index);
        next[index] = name;
        Array.Copy(names, index, next, index + 1, names.Length - index);
        if (Volatile.Read(ref _stepCount) >= MostSteps || !Steps.TryAdd(step, next)) return Steps.GetValueOrDefault(step) ?? next;
        Interlocked.Increment(ref _stepCount);
        return next;
    }

    /// <summary><paramref name="names"/> without the one at <paramref name="index"/>; removing a property is rare, so not shared.</summary>
    public static string[] Removing(string[] names, int index)
    {
        if (names.Length == 1) return [];
        var next = new string[names.Length - 1];
        Array.Copy(names, next, index);
        Array.Copy(names, index + 1, next, index, names.Length - index - 1);
        return next;
    }

    private readonly record struct Step(string[] From, string Name);

    /// <summary>Arrays compared by identity (shared ones are unique by construction), names by their letters.</summary>
    private sealed class StepComparer : IEqualityComparer<Step>
    {
        public static readonly StepComparer Instance = new();

        public bool Equals(Step a, Step b) => ReferenceEquals(a.From, b.From) && string.Equals(a.Name, b.Name, StringComparison.Ordinal);

        public int GetHashCode(Step step) => HashCode.Combine(RuntimeHelpers.GetHashCode(step.From), step.Name.GetHashCode(StringComparison.Ordinal));
    }
}
