using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Graph.Testing;

/// <summary>
/// A small seeded fuzzer: generates (or mutates) inputs with one <see cref="Random"/>, runs each
/// through the code under test, and fails on the first unexpected exception. The work is fixed (a number of
/// inputs) and nothing about time is asserted, so a loaded machine makes the run slower, never red; the slowest
/// input is reported as a figure. The same seed always gives the same inputs, so a failure printed here can be
/// replayed exactly.
/// </summary>
internal sealed class Fuzzer<TInput>(int seed, Func<Random, TInput> generate, Func<TInput, string> describe)
{
    /// <summary>How many inputs to try; <c>FUZZ_INPUTS</c> raises it for a longer hunt.</summary>
    public int Inputs { get; init; } = FuzzSettings.Inputs;

    /// <summary>Runs the inputs; <paramref name="exercise"/> throws (or asserts) when an input is mishandled.</summary>
    public FuzzReport Run(Action<TInput> exercise)
    {
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var slowestInput = "";
        var tried = 0;
        while (tried < Inputs)
        {
            var input = generate(random);
            var before = CpuClock.Now();
            try
            {
                exercise(input);
            }
            catch (Exception e)
            {
                throw new FuzzFailure($"Input #{tried} (seed {seed}) failed with {e.GetType().Name}: {e.Message}\ninput: {describe(input)}", e);
            }
            var spent = CpuClock.Now() - before;
            if (spent > slowest)
            {
                slowest = spent;
                slowestInput = describe(input);
            }
            tried++;
        }
        return new FuzzReport(tried, watch.Elapsed, slowest, slowestInput);
    }
}

internal sealed class FuzzFailure(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What a fuzz run did, printed by the tests as their figure.</summary>
internal sealed record FuzzReport(int Tried, TimeSpan Elapsed, TimeSpan Slowest, string SlowestInput)
{
    public double PerSecond => Tried / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() =>
        $"{Tried:N0} inputs in {Elapsed.TotalSeconds:F1} s ({PerSecond:N0} inputs/s); slowest {Slowest.TotalMilliseconds:F1} ms CPU: {Shorten(SlowestInput)}";

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + $"… ({text.Length} chars)";
}

internal static class FuzzSettings
{
    public const int MinimumInputs = 100_000;

    public static int Inputs => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_INPUTS"), out var n) && n > 0 ? n : MinimumInputs;
}

/// <summary>Building blocks shared by the generators: mutations of a sample and readable escapes.</summary>
internal static class Mutate
{
    /// <summary>One to four random edits: delete, duplicate or swap a range, insert a token or a random character, truncate.</summary>
    public static string Text(Random random, string sample, IReadOnlyList<string> tokens)
    {
        var text = new StringBuilder(sample);
        var edits = 1 + random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
            var length = text.Length - at == 0 ? 0 : random.Next(Math.Min(16, text.Length - at) + 1);
            switch (random.Next(7))
            {
                case 0: text.Remove(at, length); break;
                case 1: text.Insert(at, text.ToString(at, length)); break;
                case 2: text.Insert(at, tokens[random.Next(tokens.Count)]); break;
                case 3: text.Insert(at, (char)random.Next(0x20, 0x7F)); break;
                case 4: text.Insert(at, Unusual[random.Next(Unusual.Length)]); break;
                case 5: text.Length = at; break;
                default:
                    if (length > 0 && text.Length > 0)
                    {
                        var other = random.Next(text.Length);
                        (text[at], text[other]) = (text[other], text[at]);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Characters that break naive code: NUL, controls, surrogates (paired and lone), BOM, RTL marks, combining marks.</summary>
    public static readonly string[] Unusual =
        ["\0", "\u0001", "\r", "\r\n", "\t", "\f", "\u000B", "\u0085", "\u00A0", "\u2028", "\uFEFF", "\u200E", "\u202E",
         "\uD83D\uDE00", "\uD800", "\uDC00", "\u0301", "\uFFFD", "\u2013", "\u2014", "\u00B9", "\u2070", "’", "«", "é", "ß", "İ", "ﬁ", "Ⅻ", "١٢٣"];

    /// <summary>The input as a C#-like literal: control and non-ASCII characters escaped so the failure message can be replayed.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text.Length > 4000 ? text[..4000] : text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x20 || c > 0x7E => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        builder.Append('"');
        if (text.Length > 4000) builder.Append($" … ({text.Length} chars)");
        return builder.ToString();
    }
}

/// <summary>CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)); wall-clock time elsewhere.</summary>
internal static class CpuClock
{
    private const int ClockThreadCpuTimeId = 3;
    private static readonly Stopwatch Wall = Stopwatch.StartNew();

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the test project for one call.
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    public static TimeSpan Now() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0
            ? TimeSpan.FromTicks((t.Seconds * 1_000_000_000 + t.Nanoseconds) / 100)
            : Wall.Elapsed;
}
