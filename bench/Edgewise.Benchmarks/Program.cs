// Benchmarks entry point.
//   dotnet run -c Release --project bench/Edgewise.Benchmarks -- --filter '*'        BenchmarkDotNet suites (parse, book, engine)
//   dotnet run -c Release --project bench/Edgewise.Benchmarks -- replay [capture]    replay throughput harness
using BenchmarkDotNet.Running;
using Edgewise.Benchmarks;

if (args.Length > 0 && args[0] == "replay")
{
    return ReplayHarness.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
return 0;
