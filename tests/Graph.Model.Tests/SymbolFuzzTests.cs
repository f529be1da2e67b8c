using System.Text;
using Graph.Model.Symbols;

namespace Graph.Model.Tests;

/// <summary>
/// The symbol grammar against 100,000 seeded inputs: symbols assembled from the grammar's own pieces
/// (series letters, sessions, bracketed years and Roman sessions, Add./Rev./Corr., joint symbols, keyword
/// lists) and mutations of real ones. No input may throw, and none may take a second: the scanner is
/// linear by design and this is what holds it to that.
/// </summary>
public sealed class SymbolFuzzTests
{
    private static readonly string[] Samples =
    [
        "A/RES/77/13", "S/RES/1631 (2005)", "S/RES/1631(2005)", "A/RES/ES-10/23", "A/RES/S-30/1", "S/PRST/2010/1",
        "A/78/481/add.2", "A/77/L.13", "A/C.3/80/L.11", "E/2009/28", "E/CN.6/2025/19", "A/62/PV.117", "S/PV.9609",
        "A/79/845*", "A/77/277-S/2022/606", "A/77/277–S/2022/606", "A/77/277*-S/2022/606*", "A/RES/1514 (XV)",
        "Recalling its resolutions 64/256 of 2 March 2010, 65/122 of 13 December 2010 and 75/276",
        "resolution 2200 A (XXI) of 16 December 1966", "decision 2020/8", "resolutions 1325 (2000) and 1820 (2008)",
        "in document A/71/160 and Add.1", "S/2022/606", "A/HRC/RES/52/1", "ST/SGB/2019/8", "A/77/PV.39 of 7 December 2022",
    ];

    private static readonly string[] Tokens =
    [
        "A", "S", "E", "ST", "HRC", "RES", "PRST", "PV.", "L.", "C.3", "CN.6", "ES-10", "S-30", "Add.", "Rev.", "Corr.", "/", "//",
        "-", "–", "—", "*", " ", "  ", "\n", "(", ")", " (", "2005", "XV", "XXI", "MMXX", "77", "13", "9999999999999999999", "0",
        "resolution", "resolutions", "decision", "its resolution ", " of ", " and ", ", ", "2 March 2010", "31 February 2023",
        "A/", "S/RES/", "A/RES/", "1631 (", "Add.1", "and Add.1-3", "and Corr.1", "Rev.1/Add.2",
    ];

    private static readonly SymbolContext[] Contexts = Enum.GetValues<SymbolContext>();

    [Fact]
    public void HundredThousandGeneratedAndMutatedSymbolsNeverThrowOrStall()
    {
        var fuzzer = new Fuzzer<string>(seed: 20260513, Generate, Mutate.Escape);
        var report = fuzzer.Run(Exercise);
        TestContext.Current.TestOutputHelper?.WriteLine($"symbol grammar: {report}");
        Assert.Equal(fuzzer.Inputs, report.Tried);
    }

    [Fact]
    public void LongRepetitiveTextIsScannedInLinearTime()
    {
        // Pathological shapes for a scanner that looks ahead: endless slashes, joint chains, keyword lists without numbers.
        string[] shapes = ["A/", "A/77/277-", "resolutions ", "resolution 1/", "S/RES/1 (", "1631 (2005) and ", "2 March ", "A/RES/77/13*-"];
        foreach (var shape in shapes)
        {
            var text = string.Concat(Enumerable.Repeat(shape, 200_000 / shape.Length));
            var before = CpuClock.Now();
            foreach (var context in Contexts) SymbolScanner.Scan(text, context);
            DateText.TryFind(text, 0, text.Length, out _, out _, out _);
            var spent = CpuClock.Now() - before;
            Assert.True(spent < TimeSpan.FromSeconds(1), $"{text.Length} chars of {Mutate.Escape(shape)} took {spent.TotalMilliseconds:F0} ms of CPU time");
        }
    }

    private static void Exercise(string input)
    {
        if (DocumentSymbol.TryParse(input, out var symbol))
        {
            Assert.False(string.IsNullOrWhiteSpace(symbol.Canonical));
            // A canonical symbol reads back as itself: canonicalisation is idempotent.
            Assert.True(DocumentSymbol.TryParse(symbol.Canonical, out var again), $"canonical {symbol.Canonical} does not parse");
            Assert.Equal(symbol.Canonical, again.Canonical);
            _ = (symbol.Body, symbol.Kind, symbol.Session);
        }
        foreach (var context in Contexts)
        {
            foreach (var match in SymbolScanner.Scan(input, context))
            {
                Assert.InRange(match.Start, 0, input.Length);
                Assert.InRange(match.End, match.Start, input.Length);
            }
        }
        if (DateText.TryFind(input, 0, input.Length, out var iso, out var start, out var end))
        {
            Assert.True(DateOnly.TryParseExact(iso, "yyyy-MM-dd", out _), iso);
            Assert.InRange(end, start, input.Length);
        }
        RomanNumerals.TryParse(input, out _);
    }

    private static string Generate(Random random)
    {
        var mode = random.Next(10);
        if (mode < 5) return Mutate.Text(random, Samples[random.Next(Samples.Length)], Tokens);
        var builder = new StringBuilder();
        var pieces = mode == 9 ? 40 + random.Next(200) : 1 + random.Next(12);
        for (var i = 0; i < pieces; i++)
        {
            builder.Append(random.Next(8) switch
            {
                0 => random.Next(100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => Mutate.Unusual[random.Next(Mutate.Unusual.Length)],
                2 => Samples[random.Next(Samples.Length)],
                _ => Tokens[random.Next(Tokens.Length)],
            });
        }
        return builder.ToString();
    }
}
