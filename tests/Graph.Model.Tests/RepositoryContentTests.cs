using System.Diagnostics;
using System.Security.Cryptography;

namespace Graph.Model.Tests;

/// <summary>
/// The repository holds only the project's own work and the two seed documents: no tracked file has the
/// content of a file of the reference collections (other people's documents and the openCypher TCK).
/// </summary>
public sealed class RepositoryContentTests
{
    [Fact]
    public void NoTrackedFileCopiesAFileOfTheReferenceCollections()
    {
        var shared = ReferenceCollections.Folder ?? SkipAbsent();
        var tracked = TrackedFiles();
        var referenceHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(shared, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(shared, file).Replace('\\', '/');
            if (relative.StartsWith("seeds/", StringComparison.Ordinal)) continue; // the seeds may be kept, and are
            if (new FileInfo(file).Length < 200) continue; // a licence line or an empty list is no copy of anything
            referenceHashes.TryAdd(Hash(file), relative);
        }

        var copies = tracked
            .Where(f => File.Exists(Path.Combine(TestData.Root, f)))
            .Select(f => (File: f, Hash: Hash(Path.Combine(TestData.Root, f))))
            .Where(f => referenceHashes.ContainsKey(f.Hash))
            .Select(f => $"{f.File} = shared/{referenceHashes[f.Hash]}")
            .ToList();
        Assert.True(referenceHashes.Count > 1000, $"only {referenceHashes.Count} reference files were read from {shared}");
        Assert.True(copies.Count == 0, "tracked copies of reference files:\n" + string.Join("\n", copies.Take(20)));
    }

    private static List<string> TrackedFiles()
    {
        var info = new ProcessStartInfo("git", "ls-files -z") { WorkingDirectory = TestData.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        Process? git;
        try
        {
            git = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("git is not installed, so the tracked files cannot be listed");
            return [];
        }

        using (git)
        {
            var output = git!.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0) Assert.Skip("not a git checkout, so there are no tracked files to check");
            return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
        }
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string SkipAbsent()
    {
        Assert.Skip(ReferenceCollections.Absent("shared"));
        return "";
    }
}
