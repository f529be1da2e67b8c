namespace Graph.Cli.Bench;

/// <summary>The kinds of document the synthetic corpus mixes, in roughly the proportions of the real one.</summary>
internal enum PlannedKind
{
    GeneralAssemblyResolution,
    SecurityCouncilResolution,
    PresidentialStatement,
    GeneralAssemblyReport,
    SecurityCouncilReport,
    JointReport,
}

/// <summary>One document of the synthetic corpus: its symbols, date, series and what it cites.</summary>
internal sealed class PlannedDocument
{
    public required int Index { get; init; }
    public required PlannedKind Kind { get; init; }

    /// <summary>The canonical symbol (for a joint report, the A/ half).</summary>
    public required string Symbol { get; init; }

    /// <summary>The S/ half of a joint symbol, else null.</summary>
    public string? JointSymbol { get; init; }

    /// <summary>How a resolution is referred to in running text: "77/13" or "1631 (2005)".</summary>
    public required string ShortName { get; init; }

    public required DateOnly Date { get; init; }
    public required int Session { get; init; }

    /// <summary>Index into the generator's series topics; -1 for documents outside any series.</summary>
    public int Series { get; init; } = -1;

    /// <summary>Earlier documents of the same series, oldest first (recalled together in one preambular paragraph).</summary>
    public List<int> SeriesPredecessors { get; } = [];

    /// <summary>Other earlier documents cited, in citing order.</summary>
    public List<int> Cites { get; } = [];

    public string FileName => (JointSymbol is null ? Symbol : Symbol + "-" + JointSymbol)
        .Replace('/', '_').Replace(' ', '_').Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal) + ".txt";
}

/// <summary>
/// Decides the whole synthetic corpus before any text is written: document kinds and symbols in
/// chronological order, series membership and citations. Citations go only to earlier documents and
/// follow preferential attachment (half of the picks copy an earlier citation, so a document cited
/// often is cited more), which gives the heavy tail of real citation counts: a few resolutions (the
/// founding ones of a long series, the big mandates) are cited thousands of times, most a few times.
/// </summary>
internal sealed class CorpusPlan
{
    private const int FirstYear = 1990;
    private const int Years = 35;

    private CorpusPlan(List<PlannedDocument> documents, int seriesCount)
    {
        Documents = documents;
        SeriesCount = seriesCount;
    }

    public IReadOnlyList<PlannedDocument> Documents { get; }

    public int SeriesCount { get; }

    public static CorpusPlan Create(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var seriesCount = Math.Max(3, count / 40);
        var documents = new List<PlannedDocument>(count);
        var lastInSeries = new Dictionary<int, List<int>>();
        var citedPool = new List<int>();
        var gaNumber = new Dictionary<int, int>();
        var gaReportNumber = new Dictionary<int, int>();
        var scReportNumber = new Dictionary<int, int>();
        var prstNumber = new Dictionary<int, int>();
        var scResolution = 1000;
        for (var i = 0; i < count; i++)
        {
            var day = (int)((long)i * Years * 365 / count);
            var date = new DateOnly(FirstYear, 1, 2).AddDays(day);
            var session = date.Year - 1945 - (date.Month < 9 ? 1 : 0);
            var kind = PickKind(random);
            PlannedDocument document;
            switch (kind)
            {
                case PlannedKind.GeneralAssemblyResolution:
                {
                    var n = Next(gaNumber, session, 1);
                    document = new PlannedDocument
                    {
                        Index = i, Kind = kind, Symbol = $"A/RES/{session}/{n}", ShortName = $"{session}/{n}", Date = date, Session = session,
                        Series = random.NextDouble() < 0.8 ? random.Next(seriesCount) : -1,
                    };
                    break;
                }
                case PlannedKind.SecurityCouncilResolution:
                {
                    var n = scResolution++;
                    document = new PlannedDocument
                    {
                        Index = i, Kind = kind, Symbol = $"S/RES/{n} ({date.Year})", ShortName = $"{n} ({date.Year})", Date = date, Session = session,
                    };
                    break;
                }
                case PlannedKind.PresidentialStatement:
                {
                    var n = Next(prstNumber, date.Year, 1);
                    document = new PlannedDocument { Index = i, Kind = kind, Symbol = $"S/PRST/{date.Year}/{n}", ShortName = $"S/PRST/{date.Year}/{n}", Date = date, Session = session };
                    break;
                }
                case PlannedKind.GeneralAssemblyReport:
                {
                    var n = Next(gaReportNumber, session, 100);
                    document = new PlannedDocument { Index = i, Kind = kind, Symbol = $"A/{session}/{n}", ShortName = $"A/{session}/{n}", Date = date, Session = session };
                    break;
                }
                case PlannedKind.SecurityCouncilReport:
                {
                    var n = Next(scReportNumber, date.Year, 10);
                    document = new PlannedDocument { Index = i, Kind = kind, Symbol = $"S/{date.Year}/{n}", ShortName = $"S/{date.Year}/{n}", Date = date, Session = session };
                    break;
                }
                default:
                {
                    var a = Next(gaReportNumber, session, 100);
                    var s = Next(scReportNumber, date.Year, 10);
                    document = new PlannedDocument
                    {
                        Index = i, Kind = kind, Symbol = $"A/{session}/{a}", JointSymbol = $"S/{date.Year}/{s}", ShortName = $"A/{session}/{a}-S/{date.Year}/{s}",
                        Date = date, Session = session,
                    };
                    break;
                }
            }
            if (document.Series >= 0)
            {
                if (lastInSeries.TryGetValue(document.Series, out var earlier)) document.SeriesPredecessors.AddRange(earlier.TakeLast(6));
                else lastInSeries[document.Series] = earlier = [];
                earlier.Add(i);
            }
            if (i > 0)
            {
                var wanted = CitationCount(random, kind);
                for (var k = 0; k < wanted * 3 && document.Cites.Count < wanted; k++)
                {
                    var cited = citedPool.Count > 0 && random.NextDouble() < 0.55 ? citedPool[random.Next(citedPool.Count)] : random.Next(i);
                    if (document.Cites.Contains(cited) || document.SeriesPredecessors.Contains(cited)) continue;
                    document.Cites.Add(cited);
                }
                citedPool.AddRange(document.Cites);
                citedPool.AddRange(document.SeriesPredecessors);
            }
            documents.Add(document);
        }
        return new CorpusPlan(documents, seriesCount);
    }

    private static int Next(Dictionary<int, int> counters, int key, int first)
    {
        var n = counters.TryGetValue(key, out var last) ? last + 1 : first;
        counters[key] = n;
        return n;
    }

    /// <summary>45% GA resolutions, 12% SC resolutions, 8% presidential statements, 35% reports (a seventh of them joint).</summary>
    private static PlannedKind PickKind(Random random) => random.NextDouble() switch
    {
        < 0.45 => PlannedKind.GeneralAssemblyResolution,
        < 0.57 => PlannedKind.SecurityCouncilResolution,
        < 0.65 => PlannedKind.PresidentialStatement,
        < 0.82 => PlannedKind.GeneralAssemblyReport,
        < 0.95 => PlannedKind.SecurityCouncilReport,
        _ => PlannedKind.JointReport,
    };

    /// <summary>Resolutions cite more than statements and reports; the count itself is geometric-ish around the mean.</summary>
    private static int CitationCount(Random random, PlannedKind kind)
    {
        var mean = kind switch
        {
            PlannedKind.GeneralAssemblyResolution or PlannedKind.SecurityCouncilResolution => 6,
            PlannedKind.PresidentialStatement => 3,
            _ => 4,
        };
        return 1 + (int)(-Math.Log(1 - random.NextDouble()) * (mean - 1));
    }
}
