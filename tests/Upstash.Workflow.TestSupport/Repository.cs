using System.Reflection;

namespace Upstash.Workflow.TestSupport;

/// <summary>Paths the build handed to the tests (see UpstashGenLocate in the test project).</summary>
public static class Repository
{
    public static string Root => Metadata("UpstashGen.RepositoryRoot");

    public static string Spec => Path.Combine(Root, "openapi", "openapi.yaml");

    public static string Overlay => Path.Combine(Root, "openapi", "overlay.yaml");

    /// <summary>The generated client file the build compiled into Upstash.Workflow.dll.</summary>
    public static string GeneratedClient => Metadata("UpstashGen.Client");

    public static string EffectiveSpec => Metadata("UpstashGen.EffectiveSpec");

    /// <summary>The effective spec as committed, the file other languages generate from.</summary>
    public static string CommittedEffectiveSpec => Path.Combine(Root, "openapi", "openapi.effective.json");

    /// <summary>A folder of one of the test projects, for the data files kept beside its tests.</summary>
    public static string Tests(string project, params string[] parts) => Path.Combine([Root, "tests", project, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata: build it with its project, tests/Upstash.Workflow.TestSupport.");

    /// <summary>The repository's tracked files copied to <paramref name="destination"/>: a working tree of a test's own.</summary>
    public static async Task CopyTrackedFilesAsync(string destination)
    {
        var (_, listing) = await Processes.RunAsync("git", Root, "ls-files", "-z");
        foreach (var file in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var target = System.IO.Path.Combine(destination, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(System.IO.Path.Combine(Root, file), target);
        }
    }
}
