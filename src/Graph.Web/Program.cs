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
    // A failure the server did not foresee still gets a sentence, and never its stack trace.
    context.ProblemDetails.Detail ??= context.ProblemDetails.Status >= 500
        ? "The server could not answer this request. It has been logged; try again, or send a simpler request."
        : null;
    // Neo4j's clients read only Neo4j's errors array: every error under /db carries one.
    if (context.HttpContext.Request.Path.StartsWithSegments("/db") && !context.ProblemDetails.Extensions.ContainsKey("errors"))
    {
        var (code, message) = Neo4jErrors.ForStatus(context.HttpContext);
        foreach (var (key, value) in Neo4jErrors.Extension(code, context.ProblemDetails.Detail ?? message)) context.ProblemDetails.Extensions[key] = value;
    }
});
builder.Services.AddOpenApi();

var app = builder.Build();
app.Logger.LogInformation("Memory: {Ceiling}", app.Services.GetRequiredService<MemoryCeiling>().Apply());
app.UseExceptionHandler();
app.UseStatusCodePages();
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
