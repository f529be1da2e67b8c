using BenchmarkDotNet.Running;
using Graph.Benchmarks;

// dotnet run -c Release --project bench/Graph.Benchmarks -- --filter '*'   (or a class name: '*Extraction*')
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
