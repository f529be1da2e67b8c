using System.Diagnostics;

namespace Graph.Cypher.Execution;

/// <summary>
/// The time and memory one query may use. The query runs on one thread from parse to last row, so the budget is
/// also reachable as <see cref="Current"/> (thread-static): the value helpers that compare, hash and convert
/// values deep inside a query (<see cref="Values.CypherValues"/>, <see cref="Values.ValueConversion"/>) tick it
/// without every signature carrying the query's context.
/// </summary>
/// <remarks>
/// Memory is counted, not measured: a value is counted as it is built (lists by their elements, strings by
/// their characters, see <see cref="Values.ValueSize"/>), and a row by its slots while a buffer (ORDER BY,
/// DISTINCT, grouping, the result) holds it. A value being built must fit, together with the buffered rows,
/// in <see cref="CypherOptions.MaxMemoryBytes"/>. Counting keeps the check cheap and exact from one run to the
/// next, which the process's heap figures are not (other queries share the heap).
/// </remarks>
internal sealed class QueryBudget(CypherOptions options, CancellationToken cancellationToken)
{
    [ThreadStatic]
    private static QueryBudget? current;

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int ticks;
    private long retained;

    /// <summary>The budget of the query running on this thread, if any.</summary>
    public static QueryBudget? Current => current;

    public TimeSpan Timeout => options.Timeout;

    public long MaxBytes => options.MaxMemoryBytes;

    /// <summary>What is left of the query's time limit (zero or less once it is exceeded).</summary>
    public TimeSpan Remaining => options.Timeout - clock.Elapsed;

    /// <summary>Bytes held by buffers so far.</summary>
    public long Retained => retained;

    /// <summary>Makes this the budget of the current thread until the scope is disposed.</summary>
    public Scope Enter()
    {
        var outer = current;
        current = this;
        return new Scope(outer);
    }

    /// <summary>Called in every loop that may run long: enforces the time limit and cancellation, every 1,024th call.</summary>
    public void Tick()
    {
        if ((++ticks & 1023) != 0)
        {
            return;
        }

        CheckTime();
    }

    /// <summary>Ticks the budget of the query running on this thread (none outside a query).</summary>
    public static void TickCurrent() => current?.Tick();

    public void CheckTime()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (clock.Elapsed > options.Timeout)
        {
            throw new CypherException("Timeout", "Timeout",
                $"The query ran longer than the configured limit of {options.Timeout.TotalSeconds:0.###} s", null,
                CypherErrorPhase.Runtime);
        }
    }

    /// <summary>A value of <paramref name="bytes"/> is being built: with what the buffers hold, it must fit.</summary>
    public void CheckValue(long bytes)
    {
        if (bytes > options.MaxMemoryBytes - retained)
        {
            throw OutOfMemory($"a value of about {Megabytes(bytes)} was being built");
        }
    }

    /// <summary>A buffer keeps <paramref name="bytes"/> until the query ends (or, see <see cref="Release"/>, until it lets them go).</summary>
    /// <param name="bytes">What the buffer takes now.</param>
    /// <param name="holder">What holds them, for the error: the rows of a sort, say.</param>
    public void Retain(long bytes, string holder = "the rows it holds (sorting, grouping, DISTINCT or the result)")
    {
        retained += bytes;
        if (retained > options.MaxMemoryBytes)
        {
            throw OutOfMemory($"{holder} reached about {Megabytes(retained)}");
        }
    }

    /// <summary>What a row held counts against the memory budget: the row and its slots (its values are counted apart, as they were built).</summary>
    public static long RowBytes(int columns) => 64 + (columns * 48L);

    /// <summary>A buffer that held <paramref name="bytes"/> (see <see cref="Retain"/>) before the query's end has let them go.</summary>
    public void Release(long bytes) => retained -= Math.Min(bytes, retained);

    /// <summary>Checks <paramref name="bytes"/> when a budget is running on this thread.</summary>
    public static void CheckValueCurrent(long bytes) => current?.CheckValue(bytes);

    private CypherException OutOfMemory(string what) =>
        new("MemoryLimit", "MemoryLimit",
            $"The query needs more memory than its limit of {Megabytes(options.MaxMemoryBytes)}: {what}. " +
            "Return fewer or smaller values, or aggregate before collecting.", null, CypherErrorPhase.Runtime);

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    /// <summary>Restores the thread's previous budget.</summary>
    public readonly struct Scope(QueryBudget? outer) : IDisposable
    {
        public void Dispose() => current = outer;
    }
}
