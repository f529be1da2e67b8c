using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests;

/// <summary>
/// docker-compose.yml as the issue asks of it, checked without Docker: its healthcheck, run by a shell as the container
/// would run it (with the container's variables), probes the HTTP Query API with the configured credentials and tells a
/// wrong password; the app image is built once; Bolt is not published; the README says how to change the password.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Compose = File.ReadAllText(Path.Combine(TestData.Root, "docker-compose.yml"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHealthcheckProbesTheQueryApiWithTheCredentialsAndTellsAWrongPassword()
    {
        var probe = HealthcheckCommand();
        Assert.DoesNotContain("cypher-shell", probe, StringComparison.Ordinal);
        Assert.Contains("/query/v2", probe, StringComparison.Ordinal);
        const string Password = "compose-password-7c1f";
        var dataDir = Directory.CreateTempSubdirectory("graph-compose-").FullName;
        try
        {
            // Our server answers the Query API with Basic auth as user neo4j and its API token as the password, as Neo4j does.
            await using var server = await ServerChildProcess.StartAsync(dataDir,
                ["--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.Seeds, "--Graph:ApiToken", Password], Cancel);
            var local = probe.Replace("http://localhost:7474/", server.Address.ToString(), StringComparison.Ordinal);
            Assert.NotEqual(probe, local);

            Assert.Equal(0, await RunShellAsync(local, $"neo4j/{Password}"));
            Assert.NotEqual(0, await RunShellAsync(local, "neo4j/not-the-password"));
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public void TheAppImageIsBuiltOnceBoltIsNotPublishedAndTheReadmeSaysHowToChangeThePassword()
    {
        Assert.Single(Regex.Matches(Compose, @"^\s+build:", RegexOptions.Multiline));
        Assert.Matches(@"pull_policy:\s*never", Compose);
        // A port line that is not a comment and maps 7687 would publish Bolt.
        Assert.DoesNotMatch(new Regex(@"^\s*-\s*""?[^#\n]*:7687""?\s*$", RegexOptions.Multiline), Compose);
        var readme = File.ReadAllText(Path.Combine(TestData.Root, "README.md"));
        Assert.Matches(@"NEO4J_PASSWORD[^\n]*\n?[^\n]*\n?[^\n]*docker compose down -v", readme);
    }

    /// <summary>The healthcheck's shell command: the folded block after CMD-SHELL, with compose's <c>$$</c> unescaped.</summary>
    private static string HealthcheckCommand()
    {
        var block = HealthcheckBlock().Match(Compose);
        Assert.True(block.Success, "no CMD-SHELL healthcheck in docker-compose.yml");
        var lines = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', lines).Replace("$$", "$", StringComparison.Ordinal);
    }

    private static async Task<int> RunShellAsync(string command, string neo4jAuth)
    {
        var info = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment["NEO4J_AUTH"] = neo4jAuth;
        info.Environment["GRAPH_DATABASE"] = "neo4j";
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("No sh to run the healthcheck with.");
            throw;
        }
        using (process)
        {
            var output = process.StandardError.ReadToEndAsync(Cancel);
            await process.StandardOutput.ReadToEndAsync(Cancel);
            await process.WaitForExitAsync(Cancel);
            if (process.ExitCode == 127) Assert.Skip("wget is not installed; the healthcheck runs it. " + await output);
            return process.ExitCode;
        }
    }

    [GeneratedRegex(@"- CMD-SHELL\s*\n\s*- >-\s*\n((?:\s{10,}\S[^\n]*\n)+)")]
    private static partial Regex HealthcheckBlock();
}
