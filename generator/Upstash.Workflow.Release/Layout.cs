namespace Upstash.Workflow.Release;

/// <summary>One shipped package: its project, and the name of its public API snapshot (a command's is its command line).</summary>
public sealed record ShippedPackage(string Id, string Project, string ApiSnapshot, bool IsCommand = false)
{
    /// <summary>The snapshot's extension: a library's API is listed as C#, a command's usage as text.</summary>
    public string SnapshotExtension => IsCommand ? "txt" : "cs";
}

/// <summary>Where the files an update reads and writes are, under a repository root.</summary>
public sealed record Layout(string Root)
{
    /// <summary>The packages a release ships, each with its public API snapshot.</summary>
    public static IReadOnlyList<ShippedPackage> Packages { get; } =
    [
        new("Upstash.Workflow", "src/Upstash.Workflow/Upstash.Workflow.csproj", "PublicApi"),
        new("Upstash.Workflow.AspNetCore", "src/Upstash.Workflow.AspNetCore/Upstash.Workflow.AspNetCore.csproj", "PublicApi.AspNetCore"),
        new("Upstash.Workflow.Testing", "src/Upstash.Workflow.Testing/Upstash.Workflow.Testing.csproj", "PublicApi.Testing"),
        new("Upstash.Workflow.Emulator", "src/Upstash.Workflow.Emulator/Upstash.Workflow.Emulator.csproj", "CommandLine.Emulator", IsCommand: true),
    ];

    public string Spec => Path.Combine(Root, "openapi", "openapi.yaml");

    public string Overlay => Path.Combine(Root, "openapi", "overlay.yaml");

    public string Lock => Path.Combine(Root, "openapi", "openapi.lock.json");

    public string EffectiveSpec => Path.Combine(Root, "openapi", "openapi.effective.json");

    public string CSharpOverlay => Path.Combine(Root, "generator", "csharp-overlay.yaml");

    public string NSwagDocument => Path.Combine(Root, "generator", "nswag.json");

    /// <summary>Where <c>VersionPrefix</c>, the one place of the version, is.</summary>
    public string VersionProps => Path.Combine(Root, "src", "Directory.Build.props");

    public string Changelog => Path.Combine(Root, "CHANGELOG.md");

    /// <summary>The solution filter that packs the shipped packages.</summary>
    public string PackagesFilter => Path.Combine(Root, "UpstashGen.Packages.slnf");

    public string Snapshots => Path.Combine(Root, "tests", "Upstash.Workflow.Generator.Tests", "Snapshots");

    public string ApiSnapshot(ShippedPackage package) => Path.Combine(Snapshots, $"{package.ApiSnapshot}.verified.{package.SnapshotExtension}");

    public string ClientSnapshot => Path.Combine(Snapshots, "Upstash.Workflow.g.verified.cs");

    public string ProjectDirectory(ShippedPackage package) => Path.GetDirectoryName(Path.Combine(Root, package.Project))!;

    /// <summary>
    /// The breaks of the pending version against the release <paramref name="baseline"/> that were accepted (package
    /// validation's suppression file, each with its reason): named by that release, so a file recorded against an
    /// earlier one is never read against a later.
    /// </summary>
    public string AcceptedBreaks(ShippedPackage package, string baseline) => Path.Combine(ProjectDirectory(package), $"AcceptedBreaks.{baseline}.xml");

    /// <summary>Every accepted-breaks file of <paramref name="package"/>, whatever release it was recorded against.</summary>
    public IEnumerable<string> AllAcceptedBreaks(ShippedPackage package) =>
        Directory.Exists(ProjectDirectory(package)) ? Directory.GetFiles(ProjectDirectory(package), "AcceptedBreaks.*.xml") : [];

    /// <summary>What a Release build of <paramref name="package"/> compiled.</summary>
    public string BuiltAssembly(ShippedPackage package) => Path.Combine(ProjectDirectory(package), "bin", "Release", "net10.0", package.Id + ".dll");

    /// <summary>The client file and effective spec a Release build of the main package generated.</summary>
    public string BuiltClient => Path.Combine(ProjectDirectory(Packages[0]), "obj", "Release", "net10.0", "UpstashGen", "Upstash.Workflow.g.cs");

    public string BuiltEffectiveSpec => Path.Combine(ProjectDirectory(Packages[0]), "obj", "Release", "net10.0", "UpstashGen", "openapi.effective.json");

    /// <summary>The repository root above <paramref name="start"/> (the folder holding UpstashGen.sln).</summary>
    public static Layout Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpstashGen.sln")))
            {
                return new Layout(dir.FullName);
            }
        }
        throw new InvalidOperationException($"No UpstashGen.sln above {start}: run from the repository or pass --root.");
    }
}
