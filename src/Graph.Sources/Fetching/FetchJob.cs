using Graph.Extraction;
using Graph.Model;
using Graph.Model.Symbols;
using Graph.Sources.Cache;
using Graph.Sources.Library;
using Graph.Sources.Ods;
using Graph.Store;

namespace Graph.Sources.Fetching;

/// <summary>
/// Fetches documents from the ODS into a store: each symbol from the cache or the ODS (DOCX first, PDF when there
/// is no DOCX, when the DOCX is a legacy .doc, or when it cannot be read), extracted, checked to be the document asked
/// for, cached and ingested; then, level by level, what it cites up to the requested depth and, when asked, the
/// other resolutions of its series: the earlier ones it cites in its series, the later ones the UN Digital Library
/// lists under the series title. Downloads run at most two at a time; ingest runs in order, one document at a time.
/// </summary>
public sealed class FetchJob(OdsClient ods, DigitalLibraryClient library, DocumentCache cache, IGraphStore store, SourceOptions options, DocumentExtractor? extractor = null)
{
    private readonly DocumentExtractor _extractor = extractor ?? new DocumentExtractor();
    private int _downloads;
    private int _maxDownloads;

    private sealed record Item(string Symbol, string Reason, int Depth, bool FollowSeries);

    private sealed record Obtained(FetchOutcome Outcome, string? Format, string? Detail, GraphDocument? Document);

    public async Task<FetchReport> RunAsync(FetchRequest request, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var report = new FetchReport();
        _maxDownloads = request.MaxDownloads;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var searchedSeries = new HashSet<string>(StringComparer.Ordinal);
        var level = new List<Item>();
        foreach (var text in request.Symbols)
        {
            if (!DocumentSymbol.TryParse(text, out var symbol))
            {
                report.Results.Add(new FetchResult(text, "asked", FetchOutcome.Failed, null, "not a UN document symbol", null));
                continue;
            }
            if (seen.Add(symbol.Canonical)) level.Add(new Item(symbol.Canonical, "asked", 0, request.Series));
        }

        while (level.Count > 0)
        {
            var obtained = new Obtained[level.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, level.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = cancellationToken },
                async (i, token) => obtained[i] = await ObtainAsync(level[i].Symbol, token).ConfigureAwait(false)).ConfigureAwait(false);

            var next = new List<Item>();
            void Enqueue(string symbol, string reason, int depth, bool followSeries)
            {
                if (seen.Add(symbol)) next.Add(new Item(symbol, reason, depth, followSeries));
            }

            for (var i = 0; i < level.Count; i++)
            {
                var (item, result) = (level[i], obtained[i]);
                progress?.Report(new FetchProgress(report.Results.Count, seen.Count, item.Symbol));
                var ingest = default(IngestOutcome?);
                var outcome = result.Outcome;
                var detail = result.Detail;
                if (result.Document is { } document)
                {
                    try
                    {
                        ingest = (await store.IngestAsync(document, cancellationToken).ConfigureAwait(false)).Outcome;
                    }
                    catch (ArgumentException e)
                    {
                        (outcome, detail) = (FetchOutcome.Failed, $"the store refused it: {e.Message}");
                    }
                    if (ingest is not null)
                    {
                        if (item.Depth < request.CitedDepth)
                            foreach (var cited in Cited(document)) Enqueue(cited, $"cited by {item.Symbol}", item.Depth + 1, false);
                        if (item.FollowSeries)
                            foreach (var (seriesId, title, members) in SeriesOf(document))
                            {
                                foreach (var earlier in members) Enqueue(earlier, $"series of {item.Symbol}", request.CitedDepth, true);
                                if (title is not null && searchedSeries.Add(seriesId))
                                    foreach (var later in await LaterInSeriesAsync(document, title, report, cancellationToken).ConfigureAwait(false))
                                        Enqueue(later, $"series of {item.Symbol} (Digital Library)", request.CitedDepth, true);
                            }
                    }
                }
                var finished = new FetchResult(item.Symbol, item.Reason, outcome, result.Format, detail, ingest);
                report.Results.Add(finished);
                progress?.Report(new FetchProgress(report.Results.Count, seen.Count, item.Symbol, finished));
            }
            level = next;
        }
        return report;
    }

    /// <summary>The document from the cache or the ODS, extracted and checked; never throws on what the ODS answers.</summary>
    private async Task<Obtained> ObtainAsync(string symbol, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        if (cache.TryGet(symbol) is { } cached)
        {
            var document = Extract(symbol, await File.ReadAllBytesAsync(cached.Path, cancellationToken).ConfigureAwait(false), cached.Kind, out var problem);
            if (document is not null) return new Obtained(FetchOutcome.Cached, cached.Entry.Format, cached.Entry.Url, document);
            reasons.Add($"cached {cached.Entry.Format}: {problem}");
        }

        if (Interlocked.Increment(ref _downloads) > _maxDownloads)
            return new Obtained(FetchOutcome.Skipped, null, $"over the limit of {_maxDownloads} downloads per run", null);
        foreach (var format in (OdsFormat[])[OdsFormat.Docx, OdsFormat.Pdf])
        {
            OdsDownload download;
            try
            {
                download = await ods.DownloadAsync(symbol, format, cancellationToken).ConfigureAwait(false);
            }
            catch (SourceUnavailableException e)
            {
                return new Obtained(FetchOutcome.Failed, Name(format), e.Message, null);
            }
            var label = Name(format);
            if (download.Answer != OdsAnswer.File)
            {
                reasons.Add($"{label}: {download.Reason}");
                continue;
            }
            if (download.Kind == FileKind.LegacyDoc)
            {
                reasons.Add($"{label}: a legacy Word .doc, which is not read");
                continue;
            }
            var document = Extract(symbol, download.Content, download.Kind, out var problem);
            if (document is null)
            {
                reasons.Add($"{label}: {problem}");
                if (problem.StartsWith(OtherDocument, StringComparison.Ordinal)) break;
                continue;
            }
            // Cached only once it proved to be the document asked for, so a wrong answer is asked again next run.
            cache.Put(symbol, download);
            return new Obtained(FetchOutcome.Fetched, Name(format), download.Url.AbsoluteUri, document);
        }
        return new Obtained(FetchOutcome.Missing, null, string.Join("; ", reasons), null);
    }

    private const string OtherDocument = "the file is another document";

    private static string Name(OdsFormat format) => format == OdsFormat.Docx ? "docx" : "pdf";

    /// <summary>
    /// Extracts a downloaded file and checks that it is the document asked for; null with the reason when not. The
    /// symbol the text states must be the one asked for. Some PDFs do not state it where the extractor looks (it then
    /// falls back to the file name, here the asked symbol in the UN's file-name form); such a file must at least name
    /// the symbol somewhere in its text (the masthead or the running head), or it is not taken for the document.
    /// </summary>
    private GraphDocument? Extract(string symbol, byte[] content, FileKind kind, out string problem)
    {
        var document = _extractor.Extract(UnFileName(symbol) + FileKinds.Extension(kind), content);
        if (document.FindNode(document.DocumentId) is not { } self)
        {
            var errors = document.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message);
            problem = "nothing could be extracted (" + string.Join("; ", errors.DefaultIfEmpty("no symbol found in the text")) + ")";
            return null;
        }
        var fromText = !document.Diagnostics.Any(d => d.Code == "symbol-source");
        var aliases = self.Properties.TryGetValue("aliases", out var value) && value is IEnumerable<object?> list ? list.OfType<string>() : [];
        if (document.DocumentId != symbol && !aliases.Contains(symbol, StringComparer.Ordinal))
        {
            problem = $"{OtherDocument} ({document.DocumentId})";
            return null;
        }
        if (!fromText && !document.Text.Contains(symbol, StringComparison.Ordinal))
        {
            problem = $"the file does not name {symbol}";
            return null;
        }
        problem = "";
        return document;
    }

    /// <summary>A symbol as the UN names its files: A/RES/77/13 as A_RES_77_13, S/RES/2719 (2023) as S_RES_2719_2023.</summary>
    private static string UnFileName(string symbol) =>
        symbol.Replace(" (", "_", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace('/', '_').Replace(' ', '_');

    /// <summary>The documents a document cites.</summary>
    private static IEnumerable<string> Cited(GraphDocument document) => document.Relationships
        .Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId && r.End != document.DocumentId)
        .Select(r => r.End)
        .Where(id => document.FindNode(id)?.HasLabel(Labels.Document) ?? false)
        .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The series a document states (as the series service reads them: IN_SERIES to a series node) with its title and
    /// the other resolutions it names in it, which are the earlier ones it cites.
    /// </summary>
    private static IEnumerable<(string SeriesId, string? Title, IReadOnlyList<string> Members)> SeriesOf(GraphDocument document)
    {
        foreach (var series in document.Nodes.Where(n => n.HasLabel(Labels.Series)))
        {
            var members = document.Relationships
                .Where(r => r.Type == RelationshipTypes.InSeries && r.End == series.Id && r.Start != document.DocumentId)
                .Select(r => r.Start).Distinct(StringComparer.Ordinal).ToList();
            yield return (series.Id, series.GetString("title"), members);
        }
    }

    /// <summary>
    /// Resolutions the Digital Library lists under the series title, of the same kind as the document (a search also
    /// finds drafts and reports of the same title). Earlier ones are usually known already; the rest are the later ones.
    /// </summary>
    private async Task<IEnumerable<string>> LaterInSeriesAsync(GraphDocument document, string title, FetchReport report, CancellationToken cancellationToken)
    {
        var search = await library.SearchAsync(title, 50, cancellationToken).ConfigureAwait(false);
        if (search.Unavailable is { } why)
        {
            report.Notes.Add($"Later resolutions of \"{title}\" were not looked up: {why}.");
            return [];
        }
        var kind = DocumentSymbol.FromCanonical(document.DocumentId).Kind;
        var wanted = Words(title);
        return search.Records
            .Where(r => r.Title is not null && Words(r.Title).Contains(wanted, StringComparison.Ordinal))
            .Select(r => DocumentSymbol.TryParse(r.Symbol, out var s) ? s.Canonical : null)
            .OfType<string>()
            .Where(s => DocumentSymbol.FromCanonical(s).Kind == kind)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A title reduced to lower-case words, so "Cooperation … Organization :" matches "cooperation … organization".</summary>
    private static string Words(string title) =>
        string.Join(' ', title.ToLowerInvariant().Split((char[])[' ', ':', ';', ',', '.', '/', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
