using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Graph.Web.Tests;

/// <summary>
/// A server of its own for the access tests: a small corpus (the two seeds) in a fresh data folder, and
/// whatever access settings the test gives (an API token, small limits).
/// </summary>
internal sealed class SecuredServer : WebApplicationFactory<Program>
{
    public const string Token = "test-token-6f1e0c";
    private readonly string _dataDir;
    private readonly bool _ownsDataDir;
    private readonly Dictionary<string, string> _settings;

    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="dataDir">A data folder to reuse (kept on dispose, so that a second server can open it); by default a new one, deleted on dispose.</param>
    public SecuredServer(Dictionary<string, string>? settings = null, string? dataDir = null)
    {
        _settings = settings ?? [];
        _ownsDataDir = dataDir is null;
        _dataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "graph-secured-" + Guid.NewGuid().ToString("N"));
    }

    public string DataDir => _dataDir;

    public static string Seeds => TestData.Seeds;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Graph:DataDir", _dataDir);
        builder.UseSetting("Graph:CorpusDir", Seeds);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public HttpClient Client(string? token = null)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent Query(string statement, object? parameters = null, string? accessMode = null, int? maxExecutionTime = null)
    {
        var body = new Dictionary<string, object?> { ["statement"] = statement, ["parameters"] = parameters ?? new { } };
        if (accessMode is not null) body["accessMode"] = accessMode;
        if (maxExecutionTime is not null) body["maxExecutionTime"] = maxExecutionTime;
        return new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }

    public static MultipartFormDataContent Upload(string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDataDir) return;
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
