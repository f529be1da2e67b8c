using System.Runtime.CompilerServices;
using Graph.Cypher.Execution;

namespace Graph.Cypher.Values;

/// <summary>What a value counts against the query's memory budget, and how deeply it nests.</summary>
internal readonly record struct Measure(long Bytes, int Depth)
{
    /// <summary>A list or map holding values measured <paramref name="elements"/>, with <paramref name="slots"/> slots.</summary>
    public static Measure Container(Measure elements, long slots, bool map) =>
        new((map ? ValueSize.MapBytes + (slots * ValueSize.MapEntryBytes) : ValueSize.ListBytes + (slots * ValueSize.SlotBytes)) + elements.Bytes,
            elements.Depth + 1);
}

/// <summary>
/// Sizes and depths of runtime values, walked without recursion (a value may nest far deeper than the stack).
/// A value shared twice in a list is counted twice: that is what it becomes when it is converted for the answer.
/// Every value a query builds is measured here, so no value deeper than <see cref="MaxDepth"/> exists in a query,
/// and every recursive walk over values (equality, ordering, hashing, conversion, JSON) stays that shallow.
/// </summary>
internal static class ValueSize
{
    /// <summary>Lists and maps nested deeper than this are refused; far above what a person builds.</summary>
    public const int MaxDepth = 200;

    // Estimates for a 64-bit runtime: object headers, the reference in the parent, boxed scalars.
    public const long SlotBytes = 8;
    public const long ListBytes = 56;
    public const long MapBytes = 80;
    public const long MapEntryBytes = 40;
    private const long ScalarBytes = 24;
    private const long StringBytes = 22;

    /// <summary>Containers whose walk visited this many values keep their measure, so a value grown step by step is not walked again each step.</summary>
    private const int CacheFrom = 256;

    private static readonly ConditionalWeakTable<object, StrongBox<Measure>> Known = new();

    public static long OfString(long length) => StringBytes + (2 * length);

    /// <summary>The measure of <paramref name="value"/>; throws when it nests deeper than <see cref="MaxDepth"/>.</summary>
    public static Measure Of(object? value)
    {
        switch (value)
        {
            case null or bool:
                return default;
            case string s:
                return new Measure(OfString(s.Length), 0);
            case List<object?> or Dictionary<string, object?>:
                break;
            case PathValue path:
                return new Measure(ListBytes * 2 + ((path.Nodes.Count + path.Relationships.Count) * ScalarBytes), 0);
            default:
                return new Measure(ScalarBytes, 0);
        }

        if (Known.TryGetValue(value, out var known))
        {
            return known.Value;
        }

        return Walk(value);
    }

    /// <summary>Remembers the measure of a container just built from parts already measured.</summary>
    public static Measure Remember(object container, Measure measure, long items)
    {
        if (items >= CacheFrom)
        {
            Known.AddOrUpdate(container, new StrongBox<Measure>(measure));
        }

        return measure;
    }

    public static CypherException TooDeep() =>
        new("ValueTooDeep", "ValueTooDeep",
            $"A list or map nests more than {MaxDepth} levels deep; the engine refuses deeper values so that comparing, " +
            "sorting and returning them stays safe. Flatten the value, or build it in fewer levels.",
            null, CypherErrorPhase.Runtime);

    private static Measure Walk(object root)
    {
        // Each frame is a container being summed: its remaining elements, its slot count and what its elements add up to.
        var stack = new Stack<Frame>();
        stack.Push(Frame.For(root));
        long visited = 0;
        while (true)
        {
            var frame = stack.Peek();
            if (frame.MoveNext(out var element))
            {
                QueryBudget.TickCurrent();
                visited++;
                if (element is List<object?> or Dictionary<string, object?> && !Known.TryGetValue(element, out _))
                {
                    if (stack.Count >= MaxDepth)
                    {
                        throw TooDeep();
                    }

                    stack.Push(Frame.For(element));
                    continue;
                }

                frame.Add(Of(element));
                continue;
            }

            stack.Pop();
            var measure = Measure.Container(new Measure(frame.Bytes, frame.Depth), frame.Slots, frame.IsMap);
            if (measure.Depth > MaxDepth)
            {
                throw TooDeep();
            }

            if (visited >= CacheFrom)
            {
                Known.AddOrUpdate(frame.Container, new StrongBox<Measure>(measure));
            }

            if (stack.Count == 0)
            {
                return measure;
            }

            stack.Peek().Add(measure);
        }
    }

    private sealed class Frame
    {
        private readonly IEnumerator<object?> elements;

        private Frame(object container, IEnumerator<object?> elements, long slots, bool isMap)
        {
            Container = container;
            this.elements = elements;
            Slots = slots;
            IsMap = isMap;
        }

        public object Container { get; }

        public long Slots { get; }

        public bool IsMap { get; }

        public long Bytes { get; private set; }

        public int Depth { get; private set; }

        public static Frame For(object container) => container switch
        {
            List<object?> list => new Frame(list, list.GetEnumerator(), list.Count, isMap: false),
            Dictionary<string, object?> map => new Frame(map, MapParts(map).GetEnumerator(), map.Count, isMap: true),
            _ => throw new ArgumentException("not a container", nameof(container)),
        };

        private static IEnumerable<object?> MapParts(Dictionary<string, object?> map)
        {
            foreach (var (key, value) in map)
            {
                yield return key;
                yield return value;
            }
        }

        public bool MoveNext(out object? element)
        {
            var moved = elements.MoveNext();
            element = moved ? elements.Current : null;
            return moved;
        }

        public void Add(Measure measure)
        {
            Bytes += measure.Bytes;
            Depth = Math.Max(Depth, measure.Depth);
        }
    }
}

/// <summary>
/// Measures a list or map while it is being filled, element by element, so that a list too large for the memory
/// budget is refused before it is complete rather than after.
/// </summary>
internal struct ValueMeter(bool map)
{
    private long bytes;
    private int depth;
    private long items;

    /// <summary>Counts <paramref name="element"/> (a map's value; its key is counted with it).</summary>
    public void Add(object? element, string? key = null)
    {
        var measure = ValueSize.Of(element);
        bytes += measure.Bytes + (key is null ? 0 : ValueSize.OfString(key.Length));
        depth = Math.Max(depth, measure.Depth);
        items++;
        if (depth >= ValueSize.MaxDepth)
        {
            throw ValueSize.TooDeep();
        }

        QueryBudget.Current?.CheckValue(Total.Bytes);
    }

    public readonly Measure Total => Measure.Container(new Measure(bytes, depth), items, map);

    /// <summary>The finished container, its measure kept when it was costly to take.</summary>
    public readonly T Done<T>(T container) where T : class
    {
        ValueSize.Remember(container, Total, items);
        return container;
    }
}
