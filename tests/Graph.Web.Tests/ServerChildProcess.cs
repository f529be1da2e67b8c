using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests;

/// <summary>
/// The built server (Graph.Web.dll beside the tests) run by <c>dotnet exec</c> as a child process on 127.0.0.1 and a
/// free port, as a person starts it: ready once it prints its address, its console kept for assertions and messages.
/// Ending it is a SIGKILL, so that what a test finds afterwards on the disk is what a crash leaves.
/// </summary>
internal sealed partial class ServerChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServerChildProcess(Process process, StringBuilder output, Uri address) => (_process, _output, Address) = (process, output, address);

    /// <summary>Where it listens, as it printed it ("http://127.0.0.1:PORT/").</summary>
    public Uri Address { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything it wrote to standard output and standard error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the server in <paramref name="workingDirectory"/> with these settings and waits (2 minutes at most) until it prints its address.</summary>
    public static async Task<ServerChildProcess> StartAsync(string workingDirectory, IEnumerable<string> settings, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Graph.Web.dll"), "--urls", "http://127.0.0.1:0" }.Concat(settings))
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            string text;
            lock (output) text = output.ToString();
            if (ExplorerLine().Match(text) is { Success: true } match) return new ServerChildProcess(process, output, new Uri(match.Groups[1].Value));
            await Task.Delay(50, cancellationToken);
        }

        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        string console;
        lock (output) console = output.ToString();
        process.Dispose();
        throw new InvalidOperationException("The server printed no address:\n" + console);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint; whatever was on the disk stays as it was.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Graph explorer: (http://\S+/)")]
    private static partial Regex ExplorerLine();
}
