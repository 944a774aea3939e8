using System.Reflection;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.TestSupport.Generation;

/// <summary>What the build generates with, for the tests that run the generator themselves (see UpstashGenLocateToolchain in the project).</summary>
public static class Toolchain
{
    /// <summary>The C# client's configuration, applied after the effective spec is written.</summary>
    public static string CSharpOverlay => Path.Combine(Repository.Root, "generator", "csharp-overlay.yaml");

    public static string NSwagDocument => Path.Combine(Repository.Root, "generator", "nswag.json");

    public static string NSwagDll => Metadata("UpstashGen.NSwagDll");

    /// <summary>The SDK's System.Text.Json source generator (an analyzer assembly).</summary>
    public static string JsonSourceGenerator => Metadata("UpstashGen.JsonSourceGenerator");

    private static string Metadata(string key) =>
        typeof(Toolchain).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The assembly has no '{key}' metadata: build it with its project, tests/Upstash.Workflow.TestSupport.Generation.");
}
