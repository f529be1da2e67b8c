using System.Net;
using Polly;
using Polly.Retry;

namespace Graph.Sources.Ods;

/// <summary>The formats the ODS serves a document in.</summary>
public enum OdsFormat
{
    Docx,
    Pdf,
}

/// <summary>What the ODS answered for one symbol and format.</summary>
public enum OdsAnswer
{
    /// <summary>A whole file (<see cref="OdsDownload.Kind"/> says which).</summary>
    File,

    /// <summary>404: the ODS does not hold the document in this format.</summary>
    NotFound,

    /// <summary>A 200 whose body is not a document file (an HTML page, an error message).</summary>
    NotAFile,
}

/// <summary>One answer of the ODS: the file with where and when it came from, or why there is none.</summary>
public sealed record OdsDownload(OdsAnswer Answer, OdsFormat Format, byte[] Content, FileKind Kind, Uri Url, DateTimeOffset? Date, string? Reason)
{
    public static OdsDownload Missing(OdsAnswer answer, OdsFormat format, Uri url, string reason) => new(answer, format, [], FileKind.Unknown, url, null, reason);
}

/// <summary>The ODS could not be asked or did not answer usefully after the retries (a message for the user).</summary>
public sealed class SourceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A body that ended short of its Content-Length, could not be read to its end, or is not a whole file.</summary>
internal sealed class IncompleteDownloadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Downloads documents from the ODS: <c>api/symbol/access?s=&lt;symbol&gt;&amp;l=en&amp;t=docx|pdf</c>, which answers
/// with a redirect to the file. Checks that the body is whole and is a document (by its first bytes, not its content
/// type) and retries a body cut short; HTTP-level retries and pacing are <see cref="SourceHttp"/>'s.
/// </summary>
public sealed class OdsClient(HttpClient http, SourceOptions options)
{
    private readonly ResiliencePipeline _wholeBody = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IncompleteDownloadException>(),
            MaxRetryAttempts = 2,
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    public Uri AccessUrl(string symbol, OdsFormat format)
    {
        // Clients that worked pass the symbol's slashes literally; everything else in it is escaped.
        var s = Uri.EscapeDataString(symbol).Replace("%2F", "/", StringComparison.Ordinal);
        return new Uri(options.OdsUrl, $"api/symbol/access?s={s}&l=en&t={(format == OdsFormat.Docx ? "docx" : "pdf")}");
    }

    /// <exception cref="SourceUnavailableException">The ODS failed (5xx, 429, timeouts, bodies cut short) beyond the retries.</exception>
    public async Task<OdsDownload> DownloadAsync(string symbol, OdsFormat format, CancellationToken cancellationToken)
    {
        var url = AccessUrl(symbol, format);
        try
        {
            return await _wholeBody.ExecuteAsync(async token => await DownloadOnceAsync(url, format, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (IncompleteDownloadException e)
        {
            throw new SourceUnavailableException($"{url}: {e.Message} (after retries)", e);
        }
        catch (HttpRequestException e)
        {
            throw new SourceUnavailableException($"{url}: {e.Message}", e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new SourceUnavailableException($"{url}: no answer within {options.AttemptTimeout.TotalSeconds:0} s (after retries)", e);
        }
    }

    private async Task<OdsDownload> DownloadOnceAsync(Uri url, OdsFormat format, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var finalUrl = response.RequestMessage?.RequestUri ?? url;
        if (response.StatusCode == HttpStatusCode.NotFound)
            return OdsDownload.Missing(OdsAnswer.NotFound, format, finalUrl, $"the ODS has no {format.ToString().ToUpperInvariant()} of it (404)");
        if (!response.IsSuccessStatusCode)
            throw new SourceUnavailableException($"{url}: the ODS answered {(int)response.StatusCode} {response.ReasonPhrase}");

        var content = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var kind = FileKinds.Detect(content);
        if (kind == FileKind.Unknown)
        {
            var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            return OdsDownload.Missing(OdsAnswer.NotAFile, format, finalUrl, $"the ODS answered with {type}, not a document file");
        }
        if (!FileKinds.IsComplete(kind, content))
            throw new IncompleteDownloadException($"the {kind} file from {finalUrl} is incomplete or unreadable");
        var date = response.Content.Headers.LastModified ?? response.Headers.Date;
        return new OdsDownload(OdsAnswer.File, format, content, kind, finalUrl, date, null);
    }

    /// <summary>The whole body, or an <see cref="IncompleteDownloadException"/> when it ends short or stalls.</summary>
    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var expected = response.Content.Headers.ContentLength;
        if (expected > options.MaxFileBytes)
            throw new SourceUnavailableException($"{response.RequestMessage?.RequestUri}: the file is {expected} bytes, over the limit of {options.MaxFileBytes}");
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(options.AttemptTimeout);
        using var buffer = new MemoryStream(expected is > 0 ? (int)expected.Value : 64 * 1024);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(chunk, stall.Token).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > options.MaxFileBytes)
                        throw new SourceUnavailableException($"{response.RequestMessage?.RequestUri}: the file is over the limit of {options.MaxFileBytes} bytes");
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new IncompleteDownloadException($"the body ended after {buffer.Length} of {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} bytes ({e.Message})", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IncompleteDownloadException($"the body stalled after {buffer.Length} bytes", e);
        }
        if (expected is { } length && buffer.Length != length)
            throw new IncompleteDownloadException($"the body has {buffer.Length} bytes where Content-Length said {length}");
        return buffer.ToArray();
    }
}
