using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Neo4j.Tests.QueryApi;

/// <summary>
/// A stand-in for Neo4j on 127.0.0.1: a real HTTP server (Kestrel) that answers <c>GET /</c> with a discovery
/// document and every other request with the next queued answer (a payload from Neo4j's documentation, after
/// an optional delay), and records what it received. The client under test speaks to it over a real socket.
/// </summary>
internal sealed class LoopbackNeo4j : IAsyncDisposable
{
    public const string TypedJson = "application/vnd.neo4j.query";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body, string ContentType, TimeSpan Delay)> _answers = new();

    private LoopbackNeo4j(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The discovery document's payload file; null answers <c>GET /</c> with an HTML page, as a non-Neo4j server might.</summary>
    public string? Discovery { get; set; } = "discovery-5.26.json";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests that were still being answered when the client gave up on them.</summary>
    public int Abandoned => _abandoned;

    private int _abandoned;

    public static async Task<LoopbackNeo4j> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackNeo4j(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public LoopbackNeo4j Answer(int status, string payloadFile, TimeSpan delay = default) =>
        AnswerText(status, ReplayHandler.Payload(payloadFile), TypedJson, delay);

    public LoopbackNeo4j AnswerText(int status, string body, string contentType = TypedJson, TimeSpan delay = default)
    {
        _answers.Enqueue((status, body, contentType, delay));
        return this;
    }

    public List<string> Lines() => Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}").ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Method == "GET" && request.Path == "/")
        {
            context.Response.ContentType = Discovery is null ? "text/html" : "application/json";
            await context.Response.WriteAsync(Discovery is null ? "<!doctype html><title>explorer</title>" : ReplayHandler.Payload(Discovery));
            return;
        }
        string body;
        using (var reader = new StreamReader(request.Body)) body = await reader.ReadToEndAsync();
        Requests.Enqueue(new RecordedRequest(
            new HttpMethod(request.Method), new Uri(Address, request.Path + request.QueryString), body.Length == 0 ? null : body,
            request.Headers.Authorization.FirstOrDefault(), request.Headers["neo4j-cluster-affinity"].FirstOrDefault(),
            request.ContentType, request.Headers.Accept.ToString()));
        if (!_answers.TryDequeue(out var answer))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync($"{{\"errors\":[{{\"code\":\"Test.NoAnswerLeft\",\"message\":\"no answer queued for {request.Method} {request.Path}\"}}]}}");
            return;
        }
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                return;
            }
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
