using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Testing;

/// <summary>How the replica misbehaves for one file: errors before it answers, a delay, a body cut short.</summary>
internal sealed class ReplicaFault
{
    /// <summary>Answer 429 with Retry-After this many times first.</summary>
    public int TooManyRequests { get; set; }

    /// <summary>Answer 503 with Retry-After this many times first.</summary>
    public int Unavailable { get; set; }

    /// <summary>Send half the body under the full Content-Length, then drop the connection, this many times first.</summary>
    public int Truncated { get; set; }

    /// <summary>Wait this long before every answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Hold the first answer until the test releases it (or the client goes away).</summary>
    public TaskCompletionSource? HoldUntil { get; set; }

    /// <summary>Set when a request for the file has arrived and is being held.</summary>
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int RetryAfterSeconds { get; set; } = 1;
}

/// <summary>
/// Test code, shared by the tests of graph fetch and of the explorer's fetch: a stand-in for the UN Official Document System and the Digital Library on 127.0.0.1, answering as they are
/// documented to: <c>/api/symbol/access?s=&amp;l=&amp;t=</c> redirects (302) to <c>/doc/&lt;file&gt;</c>, or answers 404,
/// or an HTML page for symbols set up so; <c>/search?p=&amp;of=xm</c> answers MARCXML or a bot challenge (202, empty).
/// It counts requests per path and the most requests it had in flight at once.
/// </summary>
internal sealed class OdsReplica : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    private OdsReplica(WebApplication app) => _app = app;

    /// <summary>Files by symbol and format ("docx" or "pdf"); produced on first request, so DOCX are written lazily.</summary>
    public ConcurrentDictionary<(string Symbol, string Format), Func<byte[]>> Files { get; } = new();

    /// <summary>Symbols for which the ODS answers 200 with an HTML page instead of a file.</summary>
    public HashSet<string> HtmlPages { get; } = new(StringComparer.Ordinal);

    /// <summary>Faults by file name (<c>A_RES_77_13.docx</c>).</summary>
    public ConcurrentDictionary<string, ReplicaFault> Faults { get; } = new(StringComparer.Ordinal);

    /// <summary>The Digital Library's records (symbol, title, date); null makes it answer with a bot challenge.</summary>
    public List<(string Symbol, string Title, string Date)>? LibraryRecords { get; set; } = [];

    public Uri BaseUrl { get; private set; } = null!;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int RequestsFor(string path) => _requests.TryGetValue(path, out var n) ? n : 0;

    public int TotalRequests => _requests.Values.Sum();

    public IReadOnlyDictionary<string, int> Requests => new Dictionary<string, int>(_requests);

    public static string FileName(string symbol, string format) =>
        symbol.Replace('/', '_').Replace(' ', '_') + (format == "docx" ? ".docx" : format == "doc" ? ".doc" : ".pdf");

    public static async Task<OdsReplica> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var replica = new OdsReplica(app);
        replica.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        replica.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return replica;
    }

    public void AddPdf(string symbol, string path) => Files[(symbol, "pdf")] = () => File.ReadAllBytes(path);

    public void AddDocxFromText(string symbol, string textPath) => Files[(symbol, "docx")] = Lazy(() => Graph.Testing.UnDocx.FromText(File.ReadAllText(textPath), Path.GetFileName(textPath)));

    /// <summary>What the ODS serves for an old document asked as DOCX: a Word 97–2003 file (OLE compound file header).</summary>
    public void AddLegacyDoc(string symbol)
    {
        var ole = new byte[4096];
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(ole);
        Files[(symbol, "doc")] = () => ole;
    }

    private static Func<byte[]> Lazy(Func<byte[]> make)
    {
        var lazy = new Lazy<byte[]>(make);
        return () => lazy.Value;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            _requests.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            var now = Interlocked.Increment(ref _inFlight);
            int max;
            while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max) { }
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });

        app.MapGet("/api/symbol/access", (HttpContext context) =>
        {
            var symbol = context.Request.Query["s"].ToString();
            var format = context.Request.Query["t"].ToString();
            if (context.Request.Query["l"] != "en" || format is not ("docx" or "pdf")) return Results.BadRequest();
            if (HtmlPages.Contains(symbol))
                return Results.Content("<!DOCTYPE html><html><body><h1>Official Document System</h1><p>Search</p></body></html>", "text/html");
            // The ODS answers DOCX requests for old documents with the legacy .doc.
            if (format == "docx" && !Files.ContainsKey((symbol, "docx")) && Files.ContainsKey((symbol, "doc"))) format = "doc";
            if (!Files.ContainsKey((symbol, format))) return Results.NotFound();
            return Results.Redirect("/doc/" + Uri.EscapeDataString(FileName(symbol, format)));
        });

        app.MapGet("/doc/{name}", async (string name, HttpContext context) =>
        {
            var entry = Files.FirstOrDefault(f => FileName(f.Key.Symbol, f.Key.Format) == name);
            if (entry.Value is null) return Results.NotFound();
            var content = entry.Value();
            var type = entry.Key.Format switch
            {
                "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "doc" => "application/msword",
                _ => "application/pdf",
            };
            if (Faults.TryGetValue(name, out var fault))
            {
                if (fault.HoldUntil is { } hold && !hold.Task.IsCompleted)
                {
                    fault.Held.TrySetResult();
                    await Task.WhenAny(hold.Task, Task.Delay(Timeout.Infinite, context.RequestAborted)).ConfigureAwait(false);
                    if (context.RequestAborted.IsCancellationRequested) return Results.Empty;
                }
                if (fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay, context.RequestAborted);
                if (TryTake(() => fault.TooManyRequests, v => fault.TooManyRequests = v)) return RetryLater(context, 429, fault);
                if (TryTake(() => fault.Unavailable, v => fault.Unavailable = v)) return RetryLater(context, 503, fault);
                if (TryTake(() => fault.Truncated, v => fault.Truncated = v))
                {
                    context.Response.ContentType = type;
                    context.Response.ContentLength = content.Length;
                    await context.Response.Body.WriteAsync(content.AsMemory(0, content.Length / 2));
                    await context.Response.Body.FlushAsync();
                    context.Abort();
                    return Results.Empty;
                }
            }
            context.Response.Headers.LastModified = "Mon, 18 Nov 2024 12:00:00 GMT";
            return Results.Bytes(content, type);
        });

        app.MapGet("/search", (HttpContext context) =>
        {
            if (LibraryRecords is null) return Results.StatusCode(202);
            if (context.Request.Query["of"] != "xm") return Results.BadRequest();
            var query = context.Request.Query["p"].ToString();
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n");
            foreach (var (symbol, title, date) in LibraryRecords.Where(r => r.Title.Contains(query, StringComparison.OrdinalIgnoreCase)))
                xml.Append("<record><controlfield tag=\"001\">1</controlfield>")
                    .Append($"<datafield tag=\"191\" ind1=\" \" ind2=\" \"><subfield code=\"a\">{WebUtility.HtmlEncode(symbol)}</subfield></datafield>")
                    .Append($"<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">{WebUtility.HtmlEncode(title)} :</subfield><subfield code=\"b\">resolution /</subfield></datafield>")
                    .Append($"<datafield tag=\"269\" ind1=\" \" ind2=\" \"><subfield code=\"a\">{date}</subfield></datafield></record>\n");
            return Results.Content(xml.Append("</collection>\n").ToString(), "application/xml");
        });
    }

    private static readonly Lock FaultLock = new();

    private static bool TryTake(Func<int> read, Action<int> write)
    {
        lock (FaultLock)
        {
            var left = read();
            if (left <= 0) return false;
            write(left - 1);
            return true;
        }
    }

    private static IResult RetryLater(HttpContext context, int status, ReplicaFault fault)
    {
        context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var fault in Faults.Values) fault.HoldUntil?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
