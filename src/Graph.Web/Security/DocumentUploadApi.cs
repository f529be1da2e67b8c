using Graph.Extraction;
using Graph.Model;
using Graph.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Graph.Web.Security;

/// <summary>
/// <c>POST /api/documents</c>: a researcher's document (PDF, text, Markdown or HTML, as multipart form
/// field <c>file</c>) is extracted and ingested into the graph. Needs the API token. The upload is held in
/// memory and never written to disk; its file name is used only for its extension and in messages.
/// </summary>
public static class DocumentUploadApi
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".pdf", ".txt", ".md", ".markdown", ".html", ".htm" };

    /// <summary>
    /// The most heap an upload takes at its peak, per byte of the upload: 31 MB texts of the hostile shapes (one paragraph
    /// citing a symbol 50,000 times, a name at every word, old-style footnotes) peaked at 20-28 times their size above a fresh
    /// server, while extraction, the store's write and the search index each held the text.
    /// </summary>
    private const long PeakPerUploadByte = 24;

    /// <summary>Room a form takes around its file: the boundaries, the part's headers, a field or two.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapDocumentUpload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/documents", Upload).WithName("UploadDocument").WithTags("Documents")
            .WithSummary("Extracts an uploaded document (PDF, text, Markdown, HTML) and ingests it into the graph; needs the API token.")
            .DisableAntiforgery()
            .Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    /// <summary>What an upload did: the document, how the store took it, and what the extractor noticed.</summary>
    public sealed record UploadResult(string DocumentId, string Outcome, int Nodes, int Relationships, IReadOnlyList<string> Diagnostics);

    public static async Task<IResult> Upload(HttpContext context, GraphServices graph, IOptions<AccessOptions> options, Hosting.WriterPriority priority,
        UploadAdmission admission, Hosting.MemoryCeiling memory, CancellationToken cancellationToken)
    {
        var access = options.Value;
        if (!BearerToken.IsPresented(context, access)) return BearerToken.Refusal(context, access, "Uploading documents");
        var request = context.Request;
        if (request.ContentLength > access.MaxUploadBytes + FormOverheadBytes) return TooLarge(access);
        // Kestrel refuses a body past 30,000,000 bytes unless told otherwise, which is under the 32 MiB a file may have:
        // this request may carry the file and its form around it, and no more. Lifted before any answer that leaves the body
        // unread (the server busy or short of memory): Kestrel drains such a body after the answer, up to this limit, and cut
        // off the connection of one past its default, so that the client, still sending, never read the answer.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = access.MaxUploadBytes + FormOverheadBytes;
        using var turn = await admission.EnterAsync(cancellationToken);
        if (!turn.IsAcquired)
            return Busy(context, "The server is reading other uploads",
                $"{UploadAdmission.QueueLimit} uploads are already waiting for the one being read. Send this one again shortly.");
        if (memory.IsNear())
            return Busy(context, "The server is short of memory",
                "The server is close to its memory ceiling and reads no upload until running work finishes. Send it again shortly.");
        var declared = request.ContentLength ?? access.MaxUploadBytes;
        if (!memory.HasRoomFor(declared * PeakPerUploadByte))
            return Busy(context, "The server has too little memory left for this upload",
                $"Reading and storing an upload of {declared / (1024.0 * 1024):F1} MB may take up to {declared * PeakPerUploadByte / (1024.0 * 1024):F0} MB of memory, "
                + "more than the server has left under its ceiling with the graph it holds. Send a smaller file, or raise Graph:MemoryCeilingMB.");
        if (!request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Send the document as a form upload",
                detail: "POST multipart/form-data with the document in the field 'file' (PDF, .txt, .md or .html).");

        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = access.MaxUploadBytes }, cancellationToken);
            file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(access);
        }
        catch (InvalidDataException e)
        {
            // No boundary, too many fields, a field's headers too long: the form itself is wrong, not its size.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form cannot be read",
                detail: $"The upload is not a form this server reads ({e.Message}). POST multipart/form-data with the document in the field 'file'.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(access);
        }
        catch (BadHttpRequestException e)
        {
            return TypedResults.Problem(statusCode: e.StatusCode, title: "The upload cannot be read",
                detail: "The upload stopped arriving, came too slowly, or ended before the length it declared. Send it whole, at once.");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form cannot be read",
                detail: "The upload ended before the form's closing boundary. Send the whole form again.");
        }
        if (file is null || file.Length == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No document was uploaded", detail: "The form has no file in the field 'file', or the file is empty.");
        if (file.Length > access.MaxUploadBytes) return TooLarge(access);

        // Only the last segment of the name is kept, whatever separators the client used: nothing here touches the disk.
        var name = SafeFileName(file.FileName);
        if (!Extensions.Contains(Path.GetExtension(name)))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported file type",
                detail: $"'{name}' is not a PDF, text, Markdown or HTML file.");

        byte[] bytes;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        var document = await Task.Run(() => new DocumentExtractor { MaxFileBytes = access.MaxUploadBytes, Limits = ExtractionLimits.ForUploads(access.MaxUploadBytes) }.Extract(name, bytes), cancellationToken);
        var diagnostics = document.Diagnostics.Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}").ToList();
        if (document.FindNode(document.DocumentId) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing could be extracted from the document",
                detail: string.Join(" ", document.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).DefaultIfEmpty("No UN document symbol was found.")),
                extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics, ["fileName"] = name });
        }
        IngestResult ingested;
        using (priority.EnterWrite())
            ingested = await graph.Store.IngestAsync(document, cancellationToken);
        return TypedResults.Created($"/api/node?id={Uri.EscapeDataString(ingested.DocumentId)}",
            new UploadResult(ingested.DocumentId, ingested.Outcome.ToString(), ingested.Nodes, ingested.Relationships, diagnostics));
    }

    internal static string SafeFileName(string? fileName)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0 && s != "." && s != "..") ?? "";
        var cleaned = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        return cleaned.Length == 0 ? "upload" : cleaned;
    }

    private static IResult Busy(HttpContext context, string title, string detail)
    {
        context.Response.Headers.RetryAfter = UploadAdmission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
    }

    private static IResult TooLarge(AccessOptions access) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The document is too large",
            detail: $"Uploads are limited to {access.MaxUploadBytes / (1024.0 * 1024):F0} MB.");
}
