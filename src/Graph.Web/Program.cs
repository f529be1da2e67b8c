using Graph.Web.Endpoints;
using Graph.Web.Fetching;
using Graph.Web.Hosting;
using Graph.Web.Security;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = RepositoryPaths.TryFindWebRoot() });
builder.Configuration.AddDefaultsBesideBinaries(builder.Environment);
builder.Services.AddGraphExplorer(builder.Configuration);
builder.Services.AddGraphSecurity(builder.Configuration);
builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
{
    var http = context.HttpContext;
    if (context.Exception is BadHttpRequestException bad)
    {
        // The client's request could not be read (a body that stalled, or ended short): its fault, said as such.
        context.ProblemDetails.Detail ??= $"The request could not be read ({bad.Message}). Send it again, whole.";
    }
    // A failure the server did not foresee still gets a sentence, and never its stack trace.
    context.ProblemDetails.Detail ??= context.ProblemDetails.Status >= 500
        ? "The server could not answer this request. It has been logged; try again, or send a simpler request."
        : null;
    // Neo4j's clients read only Neo4j's errors array: every error under /db carries one.
    if (http.Request.Path.StartsWithSegments("/db"))
    {
        if (!context.ProblemDetails.Extensions.ContainsKey("errors"))
        {
            var (code, message) = Neo4jErrors.ForStatus(http);
            context.ProblemDetails.Detail ??= message;
            foreach (var (key, value) in Neo4jErrors.Extension(code, context.ProblemDetails.Detail ?? message)) context.ProblemDetails.Extensions[key] = value;
        }
        return;
    }
    // What routing and binding answer on their own (a wrong method, a body that is not the JSON asked for) says so too.
    context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read: its query or JSON body is not what this endpoint takes. /openapi/v1.json describes each endpoint.",
        StatusCodes.Status404NotFound => $"Nothing answers {http.Request.Path}. /openapi/v1.json lists the API's endpoints.",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}. /openapi/v1.json gives each endpoint's methods.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
        _ => null,
    };
});
builder.Services.AddOpenApi();

var app = builder.Build();
app.Logger.LogInformation("Memory: {Ceiling}", app.Services.GetRequiredService<MemoryCeiling>().Apply());
// A request Kestrel could not read is the client's error (400, 408, 413…), not the server's.
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError });
app.UseStatusCodePages();
// Routing after HEAD is read as GET, so that a HEAD finds the GET's endpoint (the host would otherwise route first).
app.UseHeadAsGet();
app.UseRouting();
app.UseContentSecurityPolicy(ContentSecurityPolicy.Build(app.Environment.WebRootPath));
app.UseGraphSecurity();
app.UseNeo4jDiscovery();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.MapGraphApi();
app.MapQueryApi();
app.MapSchemaApi();
app.MapHealthApi();
app.MapDocumentUpload();
app.MapFetchApi();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
