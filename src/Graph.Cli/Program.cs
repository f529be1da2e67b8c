using System.CommandLine;
using Graph.Cli.Commands;

var root = new RootCommand("graph: builds and explores a knowledge graph of United Nations documents");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(QueryCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(FetchCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(BackupCommand.Create());
root.Subcommands.Add(EvolutionCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(FuzzCommand.Create());
return await root.Parse(args).InvokeAsync();
