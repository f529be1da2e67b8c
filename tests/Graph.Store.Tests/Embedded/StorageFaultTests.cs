using System.Diagnostics;
using Graph.Model;
using Graph.Store.Embedded;

namespace Graph.Store.Tests.Embedded;

/// <summary>
/// The store when the disk says no: a full disk (SQLite's max_page_count, which gives the same SQLITE_FULL a
/// full file system does) and a read-only data folder. Each gives a clear error, the documents committed
/// before stay whole, the refused one is absent, and <c>graph check</c> passes afterwards.
/// (Kills during ingest are in <see cref="CrashTests"/>.)
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFullDiskRefusesTheDocumentAndLosesNothing()
    {
        var data = Path.Combine(_directory.Path, "full");
        var small = SyntheticCorpus.Create(4, seed: 3, paragraphs: 10);
        var large = SyntheticCorpus.Create(6, seed: 4, paragraphs: 400).Where(d => small.All(s => s.DocumentId != d.DocumentId)).ToList();
        string? refused = null;
        Exception? failure = null;
        await using (var store = EmbeddedGraphStore.Open(data))
        {
            foreach (var document in small) await store.IngestAsync(document, Token);
            var pages = long.Parse(store.Database.QueryStrings("PRAGMA page_count").Single(), System.Globalization.CultureInfo.InvariantCulture);
            store.Database.QueryStrings($"PRAGMA max_page_count = {pages + 8}");
            foreach (var document in large)
            {
                try
                {
                    await store.IngestAsync(document, Token);
                }
                catch (Exception e)
                {
                    (refused, failure) = (document.DocumentId, e);
                    break;
                }
            }
            Assert.NotNull(refused);
            Assert.Contains("full", failure!.Message, StringComparison.OrdinalIgnoreCase);
            // The open store's memory did not take the refused document either.
            Assert.Null(await store.TryGetNodeAsync(refused!, Token));
            foreach (var document in small) Assert.NotNull(await store.TryGetNodeAsync(document.DocumentId, Token));
        }

        var check = await GraphCli.RunAsync("check", "--data", data);
        Assert.True(check.ExitCode == 0, check.Error + check.Output);
        await using (var reopened = EmbeddedGraphStore.Open(data))
        {
            Assert.Null(await reopened.TryGetNodeAsync(refused!, Token));
            var all = await reopened.ReadAllAsync(Token);
            foreach (var document in small)
            {
                foreach (var node in document.Nodes) Assert.Contains(all.Nodes, n => n.Id == node.Id);
                foreach (var relationship in document.Relationships) Assert.Contains(all.Relationships, r => r.Id == relationship.Id);
            }
        }
    }

    [Fact]
    public async Task AReadOnlyDataFolderGivesAClearErrorAndNoCorruption()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes make the folder read-only.");
            return;
        }
        var corpus = SyntheticCorpus.Create(6, seed: 5, paragraphs: 10);
        var first = Path.Combine(_directory.Path, "first");
        var second = Path.Combine(_directory.Path, "second");
        SyntheticCorpus.WriteFiles(corpus.Take(3), first);
        SyntheticCorpus.WriteFiles(corpus.Skip(3), second);
        var data = Path.Combine(_directory.Path, "data");
        var ingest = await GraphCli.RunAsync("ingest", first, "--data", data, "--quiet");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var before = await ReadAllJsonAsync(data);

        MakeReadOnly(data);
        try
        {
            // As root, permissions do not bind: run the ingest as an unprivileged user instead.
            var refused = await RunAsUnprivilegedAsync("ingest", second, "--data", data, "--quiet");
            Assert.True(refused.ExitCode != 0, $"the ingest into a read-only folder succeeded?\n{refused.Error}{refused.Output}");
            Assert.Contains(data, refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            MakeWritable(data);
        }

        var check = await GraphCli.RunAsync("check", "--data", data);
        Assert.True(check.ExitCode == 0, check.Error + check.Output);
        Assert.Equal(before, await ReadAllJsonAsync(data));
    }

    [Fact]
    public async Task IngestOntoAFullFileSystemStopsWithAClearErrorAndResumesLater()
    {
        var mount = Path.Combine(_directory.Path, "tiny");
        Directory.CreateDirectory(mount);
        var mounted = Environment.UserName == "root" && (await RunAsync("mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", mount)).ExitCode == 0;
        Assert.SkipUnless(mounted, "Needs root to mount a 700 KB tmpfs that fills up (the library-level disk-full test runs everywhere).");
        var files = Path.Combine(_directory.Path, "files");
        // Large enough that even compressed (about 0.3 MB for 60 paragraphs each) it outgrows 700 KB.
        var corpus = SyntheticCorpus.Create(40, seed: 9, paragraphs: 400);
        SyntheticCorpus.WriteFiles(corpus, files);
        var moved = Path.Combine(_directory.Path, "moved");
        try
        {
            var data = Path.Combine(mount, "data");
            var full = await GraphCli.RunAsync("ingest", files, "--data", data, "--quiet");
            Assert.True(full.ExitCode != 0, $"the ingest fitted in 700 KB?\n{full.Output}");
            Assert.Contains("full", full.Error, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", full.Error, StringComparison.Ordinal);
            var check = await GraphCli.RunAsync("check", "--data", data);
            Assert.True(check.ExitCode == 0, check.Error + check.Output);
            CopyDirectory(data, moved);
        }
        finally
        {
            await RunAsync("umount", mount);
        }

        // With room again, the same ingest completes and equals one never interrupted.
        var resumed = await GraphCli.RunAsync("ingest", files, "--data", moved, "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var reference = Path.Combine(_directory.Path, "reference");
        Assert.Equal(0, (await GraphCli.RunAsync("ingest", files, "--data", reference, "--quiet")).ExitCode);
        Assert.Equal(await ReadAllJsonAsync(reference), await ReadAllJsonAsync(moved));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(Token) + await process.StandardError.ReadToEndAsync(Token);
            await process.WaitForExitAsync(Token);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    private static async Task<string> ReadAllJsonAsync(string data)
    {
        await using var store = EmbeddedGraphStore.Open(data);
        return GraphJson.Serialize(await store.ReadAllAsync(Token));
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeReadOnly(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory)) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeWritable(string directory)
    {
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in Directory.EnumerateFiles(directory)) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsUnprivilegedAsync(params string[] arguments)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv")) return await GraphCli.RunAsync(arguments);
        var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", GraphCli.AssemblyPath, .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output, await error);
    }
}
