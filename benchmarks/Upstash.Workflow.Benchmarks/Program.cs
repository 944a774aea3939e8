using BenchmarkDotNet.Running;

namespace Upstash.Workflow.Benchmarks;

/// <summary>Runs the benchmarks BenchmarkDotNet's switcher selects (all of them with --filter '*').</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
