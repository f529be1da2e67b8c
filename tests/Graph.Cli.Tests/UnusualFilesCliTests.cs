using System.Diagnostics;

namespace Graph.Cli.Tests;

/// <summary>
/// <c>graph ingest</c> over folders holding what is not a plain document: a FIFO named .txt, a link to
/// /dev/zero, a dangling link, a folder that cannot be read. Each is named on one line of stderr with its reason,
/// the run finishes (a hang fails the test at its deadline), and every good document is stored.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnusualFilesCliTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graph-cli-unusual-");

    public void Dispose()
    {
        foreach (var folder in _directory.EnumerateDirectories("*", SearchOption.AllDirectories))
            folder.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        _directory.Delete(recursive: true);
    }

    private static string Seed(int index) =>
        Directory.GetFiles(TestData.Seeds, $"{index:000}_*.txt").Single();

    [Fact]
    public async Task AFifoAndALinkToDevZeroAreSkippedWithAReasonAndTheRunFinishes()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("FIFOs and /dev/zero are Unix things.");
        var input = _directory.CreateSubdirectory("in");
        File.Copy(Seed(0), Path.Combine(input.FullName, "good.txt"));
        await MakeFifoAsync(Path.Combine(input.FullName, "pipe.txt"));
        File.CreateSymbolicLink(Path.Combine(input.FullName, "zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(input.FullName, "dangling.txt"), Path.Combine(_directory.FullName, "nothing-there"));
        var data = Path.Combine(_directory.FullName, "data");

        var clock = Stopwatch.StartNew();
        var result = await CliProcess.RunAsync(Deadline, "ingest", input.FullName, "--data", data, "--quiet");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stderr.Split('\n');
        Assert.Contains(lines, l => l.Contains("pipe.txt", StringComparison.Ordinal) && l.Contains("Not a regular file (a FIFO)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("zero.txt", StringComparison.Ordinal) && l.Contains("Not a regular file (a character device)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("dangling.txt", StringComparison.Ordinal) && l.Contains("No such file or directory", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        await using var store = Graph.Store.Embedded.EmbeddedGraphStore.Open(data);
        Assert.Equal(1, (await store.CountAsync(TestContext.Current.CancellationToken)).Documents);
        Assert.NotNull(await store.TryGetNodeAsync("A/RES/77/13", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExtractGivenAFifoByNameSkipsItInsteadOfWaitingForAWriter()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("FIFOs are a Unix thing.");
        var fifo = Path.Combine(_directory.FullName, "A-RES-77-13.txt");
        await MakeFifoAsync(fifo);

        var result = await CliProcess.RunAsync(Deadline, "extract", fifo, Seed(1), "--out", Path.Combine(_directory.FullName, "graph.json"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Not a regular file (a FIFO)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("extracted 1 of 2 files", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The tests run as root, whom no file mode stops: the CLI is run as the user 'nobody' (setpriv) so that a folder
    /// with mode 000 really cannot be read, the way it fails for a user; without root, the mode alone does it.
    /// </summary>
    [Fact]
    public async Task AnUnreadableFolderIsReportedOnOneLineAndTheRestIsIngested()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("Uses Unix file modes.");
        var asRoot = Environment.UserName == "root";
        if (asRoot && !File.Exists("/usr/bin/setpriv")) Assert.Skip("Running as root without setpriv: no way to make a folder unreadable.");
        _directory.UnixFileMode = (UnixFileMode)0b111_111_111;
        var input = _directory.CreateSubdirectory("in");
        File.Copy(Seed(0), Path.Combine(input.FullName, "a-good.txt"));
        var locked = input.CreateSubdirectory("b-locked");
        File.Copy(Seed(1), Path.Combine(locked.FullName, "hidden.txt"));
        var after = input.CreateSubdirectory("c-after");
        File.Copy(Seed(1), Path.Combine(after.FullName, "good.md"));
        var data = _directory.CreateSubdirectory("data");
        data.UnixFileMode = (UnixFileMode)0b111_111_111;
        foreach (var entry in input.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Append(input))
            entry.UnixFileMode |= UnixFileMode.OtherRead | (entry is DirectoryInfo ? UnixFileMode.OtherExecute : 0);
        locked.UnixFileMode = UnixFileMode.None;

        string[] command = ["ingest", input.FullName, "--data", data.FullName, "--quiet"];
        var result = asRoot ? await RunAsNobodyAsync(command) : await CliProcess.RunAsync(Deadline, command);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = result.Stderr.Split('\n').SingleOrDefault(l => l.Contains("b-locked", StringComparison.Ordinal));
        Assert.True(line is not null && line.Contains("the folder cannot be read", StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        await using var store = Graph.Store.Embedded.EmbeddedGraphStore.Open(data.FullName);
        Assert.Equal(2, (await store.CountAsync(TestContext.Current.CancellationToken)).Documents);
    }

    private static async Task<CliResult> RunAsNobodyAsync(string[] command)
    {
        var probe = await RunAsync("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/test", "-r", CliProcess.Assembly]);
        if (probe.ExitCode != 0) Assert.Skip($"The user 'nobody' cannot read {CliProcess.Assembly}, so the CLI cannot run as them.");
        var home = Directory.CreateTempSubdirectory("graph-nobody-home-");
        try
        {
            home.UnixFileMode = (UnixFileMode)0b111_111_111;
            var info = CliProcess.StartInfo(command);
            var dotnet = info.FileName;
            info.FileName = "/usr/bin/setpriv";
            info.ArgumentList.Insert(0, dotnet);
            foreach (var option in new[] { "--clear-groups", "--regid=65534", "--reuid=65534" }) info.ArgumentList.Insert(0, option);
            info.Environment["HOME"] = home.FullName;
            info.Environment["DOTNET_CLI_HOME"] = home.FullName;
            return await RunAsync(info);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static Task<CliResult> RunAsync(string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return RunAsync(info);
    }

    private static async Task<CliResult> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish within {Deadline.TotalSeconds:0} s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task MakeFifoAsync(string path)
    {
        var made = await RunAsync("mkfifo", [path]);
        if (made.ExitCode != 0) Assert.Skip($"mkfifo is not available here: {made.Stderr.Trim()}");
    }
}
