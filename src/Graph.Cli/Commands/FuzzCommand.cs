using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Graph.Cli.Fuzz;
using Graph.Cypher;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph fuzz --minutes N [--seed S]</c>: a long fuzz run of the Cypher parser and engine, outside CI. Queries come
/// from a small grammar of the supported Cypher, mutations of them, and shapes built to exceed the budgets; each runs
/// on a small in-memory graph under the per-query budgets. Prints the inputs tried, the crashes (exceptions other than
/// a query error) and the runs that overshot the time budget by more than a margin; exits 1 when either is not zero.
/// </summary>
internal static class FuzzCommand
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var minutes = new Option<double>("--minutes") { Description = "How long to run", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator (the same seed gives the same queries)", DefaultValueFactory = _ => 1 };
        var timeout = new Option<int>("--timeout-ms") { Description = "Time budget of each query", DefaultValueFactory = _ => 500 };
        var memory = new Option<int>("--memory-mb") { Description = "Memory budget of each query", DefaultValueFactory = _ => 64 };
        var command = new Command("fuzz", "Fuzz the Cypher parser and engine for a while and print what happened") { minutes, seed, timeout, memory };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new CypherOptions
            {
                Timeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
                MaxMemoryBytes = parse.GetValue(memory) * 1024L * 1024L,
                MaxRows = 1000,
            };
            var figures = Run(TimeSpan.FromMinutes(parse.GetValue(minutes)), parse.GetValue(seed), options, cancellationToken);
            Console.Out.Write(figures.Report(options));
            return Task.FromResult(figures.Crashes == 0 && figures.OverBudget == 0 ? 0 : 1);
        });
        return command;
    }

    private static FuzzFigures Run(TimeSpan duration, int seed, CypherOptions options, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var grammar = new CypherGrammar(random);
        var figures = new FuzzFigures();
        var parameters = new Dictionary<string, object?> { ["p"] = 1L };
        var clock = Stopwatch.StartNew();
        var nextProgress = TimeSpan.FromSeconds(30);
        CypherEngine? engine = null;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            // A fresh small graph now and then, so that the writes among the queries do not grow it without end.
            if (figures.Tried % 2000 == 0) engine = SmallGraph(options);
            var query = random.Next(10) switch
            {
                0 => grammar.Hostile(),
                1 or 2 => grammar.Mutate(grammar.Query()),
                _ => grammar.Query(),
            };
            var started = Stopwatch.GetTimestamp();
            try
            {
                engine!.Execute(query, parameters, options, CancellationToken.None);
                figures.Answered++;
            }
            catch (CypherException e)
            {
                figures.Count(e.StatusCode);
            }
            catch (Exception e)
            {
                figures.Crash(query, e);
            }

            var spent = Stopwatch.GetElapsedTime(started);
            if (spent > options.Timeout + Margin) figures.Overshot(query, spent);
            if (spent > figures.Slowest) (figures.Slowest, figures.SlowestQuery) = (spent, query);
            figures.Tried++;
            if (clock.Elapsed > nextProgress)
            {
                Console.Error.WriteLine($"{clock.Elapsed:mm\\:ss} {figures.Tried:N0} inputs, {figures.Crashes} crashes, {figures.OverBudget} over budget");
                nextProgress += TimeSpan.FromSeconds(30);
            }
        }

        figures.Elapsed = clock.Elapsed;
        return figures;
    }

    private static CypherEngine SmallGraph(CypherOptions options)
    {
        var engine = new CypherEngine(options);
        engine.Execute("""
            CREATE (a:Document {id: 'A/RES/77/13', title: 'Cooperation', year: 2022}),
                   (b:Document {id: 'A/RES/71/12', title: 'Cooperation', year: 2016}),
                   (p:Paragraph {id: 'A/RES/77/13#op1', text: 'Requests the Secretary-General', kind: 'operative'}),
                   (o:Organization {id: 'org:au', name: 'African Union'}),
                   (a)-[:CITES {count: 1}]->(b), (a)-[:HAS_PARAGRAPH {ordinal: 1}]->(p), (p)-[:MENTIONS]->(o), (b)-[:CITES {count: 2}]->(a)
            """);
        return engine;
    }

    private sealed class FuzzFigures
    {
        private readonly Dictionary<string, long> errors = new(StringComparer.Ordinal);
        private readonly List<string> examples = [];

        public long Tried;
        public long Answered;
        public long Crashes;
        public long OverBudget;
        public TimeSpan Elapsed;
        public TimeSpan Slowest;
        public string SlowestQuery = "";

        public void Count(string status) => errors[status] = errors.GetValueOrDefault(status) + 1;

        public void Crash(string query, Exception e)
        {
            Crashes++;
            if (examples.Count < 10) examples.Add($"crash: {e.GetType().Name}: {e.Message}\n  query: {Shorten(query)}\n  {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }

        public void Overshot(string query, TimeSpan spent)
        {
            OverBudget++;
            if (examples.Count < 10) examples.Add($"over budget: {spent.TotalMilliseconds:F0} ms\n  query: {Shorten(query)}");
        }

        public string Report(CypherOptions options)
        {
            var c = CultureInfo.InvariantCulture;
            var lines = new List<string>
            {
                string.Create(c, $"inputs tried: {Tried:N0} in {Elapsed.TotalMinutes:F1} min ({Tried / Math.Max(1, Elapsed.TotalSeconds):N0}/s)"),
                string.Create(c, $"answered: {Answered:N0}; query errors: {errors.Values.Sum():N0}"),
                string.Create(c, $"crashes (exceptions other than a query error): {Crashes:N0}"),
                string.Create(c, $"over budget (longer than {options.Timeout.TotalMilliseconds:F0} ms + {Margin.TotalMilliseconds:F0} ms): {OverBudget:N0}"),
                string.Create(c, $"slowest: {Slowest.TotalMilliseconds:F0} ms: {Shorten(SlowestQuery)}"),
                "query errors by status:",
            };
            lines.AddRange(errors.OrderByDescending(e => e.Value).Select(e => string.Create(c, $"  {e.Key}: {e.Value:N0}")));
            lines.AddRange(examples);
            return string.Join('\n', lines) + "\n";
        }

        private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + $"… ({text.Length} chars)";
    }
}
