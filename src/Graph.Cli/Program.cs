using System.CommandLine;
using Graph.Cli.Commands;

var root = new RootCommand("Graph: a knowledge graph of United Nations documents");
root.Subcommands.Add(QueryCommand.Create());
return await root.Parse(args).InvokeAsync();
