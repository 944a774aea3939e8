using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Release;

/// <summary>
/// A copy of this repository as a git repository of its own, with a bare "origin" beside it, a folder feed, and the
/// scripts under .ci/ run as the workflows run them (the release tool this test project built stands in for
/// <c>dotnet run</c>): where the release rehearsal and the upstream script's tests do what GitHub would.
/// </summary>
internal sealed class ReleaseRepository : IDisposable
{
    private readonly TempDirectory _root = new();

    private ReleaseRepository()
    {
    }

    public string Path => System.IO.Path.Combine(_root.Path, "repository");

    public string Origin => System.IO.Path.Combine(_root.Path, "origin.git");

    /// <summary>Where releases push their packages, as NuGet lays a folder feed out.</summary>
    public string Feed => System.IO.Path.Combine(_root.Path, "feed");

    public Layout Layout => new(Path);

    public string Version => UpdateCommand.CurrentVersion(Layout);

    public string File(string name) => System.IO.Path.Combine(_root.Path, name);

    /// <summary>The tool's command, as RELEASE_TOOL gives it to the scripts.</summary>
    public static string Tool => $"dotnet {typeof(UpdateCommand).Assembly.Location}";

    public static async Task<ReleaseRepository> CreateAsync()
    {
        var repository = new ReleaseRepository();
        Directory.CreateDirectory(repository.Path);
        Directory.CreateDirectory(repository.Feed);
        await Repository.CopyTrackedFilesAsync(repository.Path);
        await repository.GitAsync("init", "-q", "-b", "main");
        await repository.CommitAsync("The repository as it is");
        await Processes.RunAsync("git", repository._root.Path, "init", "-q", "--bare", "origin.git");
        await repository.GitAsync("remote", "add", "origin", repository.Origin);
        await repository.GitAsync("push", "-q", "origin", "main");
        return repository;
    }

    public async Task<string> GitAsync(params string[] arguments) => await GitInAsync(Path, arguments);

    public static async Task<string> GitInAsync(string directory, params string[] arguments)
    {
        var (code, output) = await Processes.RunAsync("git", directory, Identity, arguments);
        Assert.True(code == 0, $"git {string.Join(' ', arguments)}: {output}");
        return output.Trim();
    }

    public async Task CommitAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "--allow-empty", "-m", message);
    }

    /// <summary>A script of .ci/, run in the repository with the environment a workflow gives it.</summary>
    public async Task<(int ExitCode, string Output)> ScriptAsync(string script, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments)
    {
        var variables = new Dictionary<string, string?>(Identity)
        {
            ["RELEASE_TOOL"] = Tool,
            ["UPSTASHGEN_FEED"] = Feed,
            ["PACKAGE_FEED"] = Feed,
            ["MAIN_REF"] = "origin/main",
            ["GITHUB_REPOSITORY"] = null,
            ["GITHUB_OUTPUT"] = null,
            ["CI"] = null,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }
        return await Processes.RunAsync("bash", Path, variables, [System.IO.Path.Combine(".ci", script), .. arguments]);
    }

    /// <summary>The upstream workflow's script on <paramref name="spec"/>, and the outputs it gives the workflow.</summary>
    public async Task<(Dictionary<string, string> Outputs, string Output)> UpdateFromUpstreamAsync(string spec, int expectedExit = 0)
    {
        var outputs = File("outputs.txt");
        System.IO.File.Delete(outputs);
        var (code, output) = await ScriptAsync("update-from-upstream", new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = outputs }, File("pull-request.md"), spec);
        Assert.True(code == expectedExit, $"update-from-upstream ended with {code}, not {expectedExit}:\n{output}");
        var values = System.IO.File.Exists(outputs)
            ? System.IO.File.ReadAllLines(outputs).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1])
            : [];
        return (values, output);
    }

    /// <summary>A maintainer's commit on the open pull request's branch, made in a clone of their own and pushed.</summary>
    public async Task MaintainerCommitsAsync(string message, Func<string, Task> edit)
    {
        var clone = File("maintainer");
        if (Directory.Exists(clone))
        {
            Directory.Delete(clone, recursive: true);
        }
        await GitInAsync(_root.Path, "clone", "-q", "-b", "upstream-spec", Origin, clone);
        await edit(clone);
        await GitInAsync(clone, "commit", "-q", "-am", message);
        await GitInAsync(clone, "push", "-q", "origin", "upstream-spec");
    }

    /// <summary>A person merges the open pull request (fast-forward), and the next run starts from a fresh checkout of main.</summary>
    public async Task MergeUpdateAsync()
    {
        await GitAsync("fetch", "-q", "origin");
        await GitAsync("push", "-q", "origin", "refs/remotes/origin/upstream-spec:refs/heads/main");
        await GitAsync("push", "-q", "origin", "--delete", "upstream-spec");
        await FreshCheckoutAsync();
    }

    /// <summary>What a workflow's checkout of main is: the working tree exactly main's tip.</summary>
    public async Task FreshCheckoutAsync()
    {
        await GitAsync("fetch", "-q", "--prune", "origin");
        await GitAsync("checkout", "-q", "main");
        await GitAsync("reset", "-q", "--hard", "origin/main");
        await GitAsync("clean", "-q", "-fdx", "-e", "bin", "-e", "obj");
    }

    /// <summary>
    /// A release as a maintainer and the release workflow make it: the release command, its commit merged to main, the tag,
    /// then the build half (check, pack once, judge) and the publish half (push those packages to the feed).
    /// </summary>
    public async Task<(string Version, string Build, string Publish)> ReleaseAsync(string date)
    {
        var (code, prepared) = await Processes.RunAsync("dotnet", Path, Identity, [.. Tool.Split(' ')[1..], "release", "--date", date, "--feed", Feed]);
        Assert.True(code == 0, prepared);
        var version = Version;
        await CommitAsync($"Release {version}");
        await GitAsync("push", "-q", "origin", "main");
        await GitAsync("tag", $"v{version}");
        var output = File($"release-{version}");
        var build = await ScriptAsync("release-build", null, $"v{version}", output);
        Assert.True(build.ExitCode == 0, build.Output);
        var publish = await ScriptAsync("release-publish", null, $"v{version}", output);
        Assert.True(publish.ExitCode == 0, publish.Output);
        return (version, build.Output, publish.Output);
    }

    /// <summary>A next version of upstream's file: this repository's spec, edited as a tree, written as YAML.</summary>
    public async Task<string> UpstreamFileAsync(string name, Action<JObject> edit)
    {
        var spec = (JObject)Upstash.Workflow.Generator.Documents.YamlDocument.Load(Layout.Spec);
        edit(spec);
        var file = File($"upstream-{name}.yaml");
        await System.IO.File.WriteAllTextAsync(file, SpecEdits.ToYaml(spec));
        return file;
    }

    /// <summary>Every file an update or a release may touch, by content.</summary>
    public string Fingerprint() => string.Join("\n",
        new[] { "openapi", "src", System.IO.Path.GetRelativePath(Path, Layout.Snapshots) }
            .SelectMany(dir => Directory.EnumerateFiles(System.IO.Path.Combine(Path, dir), "*", SearchOption.AllDirectories))
            .Append(Layout.Changelog)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{System.IO.Path.GetRelativePath(Path, f)} {Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(f)))}"));

    /// <summary>The commits are a person's and the bot's, never the machine's own identity.</summary>
    private static readonly IReadOnlyDictionary<string, string?> Identity = new Dictionary<string, string?>
    {
        ["GIT_AUTHOR_NAME"] = "A Maintainer",
        ["GIT_AUTHOR_EMAIL"] = "maintainer@example.test",
        ["GIT_COMMITTER_NAME"] = "A Maintainer",
        ["GIT_COMMITTER_EMAIL"] = "maintainer@example.test",
    };

    public void Dispose() => _root.Dispose();
}
