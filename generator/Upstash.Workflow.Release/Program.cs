namespace Upstash.Workflow.Release;

/// <summary>
/// The command line. Exit codes: an update ends with its kind's (<see cref="UpdateKind"/>: 0 none, 10 wire,
/// 11 additive, 12 breaking, 20 refused); the other commands with 0 when they hold and 1 when not; every command with 1
/// when it could not do its work (a download failed, a release is missing from the feed), and 2 for a command line it
/// does not understand.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage:
          update [--spec <path-or-https-URL>] [--dry-run] [--pr-body <file>] [--outputs <file>] [--feed <folder>] [--open-spec <file>] [--root <repository>]
          release [--bump patch|minor|major] [--date <yyyy-mm-dd>] [--feed <folder>] [--root <repository>]
          check-release --tag <vX.Y.Z> [--notes <file>] [--root <repository>]
          pack --output <folder> [--release] [--feed <folder>] [--root <repository>]
          check-compat [--feed <folder>] [--root <repository>]
          check-changelog --base <git ref> [--root <repository>]
          releases [--root <repository>]
        The feed is a folder with the released packages; UPSTASHGEN_FEED names it when --feed does not.
        """;

    private static readonly HashSet<string> Switches = ["--dry-run", "--release"];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || Options(args[1..]) is not { } options)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var layout = options.TryGetValue("--root", out var root) ? new Layout(Path.GetFullPath(root!)) : Layout.Find(Directory.GetCurrentDirectory());
        var feed = options.GetValueOrDefault("--feed");
        try
        {
            switch (args[0])
            {
                case "update":
                    return await UpdateAsync(layout, options, feed);
                case "release":
                    var release = await ReleaseCommand.RunAsync(layout, new ReleaseOptions(options.GetValueOrDefault("--bump"), options.GetValueOrDefault("--date"), feed), Console.Out);
                    Console.WriteLine(release.Validation);
                    Console.WriteLine(release.Line);
                    return release.Version is null ? 1 : 0;
                case "check-release" when options.TryGetValue("--tag", out var tag):
                    if (ReleaseCheck.Problem(layout, tag!, out var notes) is { } problem)
                    {
                        Console.Error.WriteLine($"Not releasable: {problem}.");
                        return 1;
                    }
                    if (options.GetValueOrDefault("--notes") is { } file)
                    {
                        await File.WriteAllTextAsync(file, notes);
                    }
                    Console.WriteLine($"{tag} may be released: it is the version in the project, and CHANGELOG.md has its section, dated.");
                    return 0;
                case "pack" when options.TryGetValue("--output", out var output):
                    return await PackAsync(layout, Path.GetFullPath(output!), options.ContainsKey("--release"), feed);
                case "check-compat":
                    var scratch = Directory.CreateTempSubdirectory("upstash-compat-").FullName;
                    try
                    {
                        return await PackAsync(layout, scratch, release: false, feed);
                    }
                    finally
                    {
                        Directory.Delete(scratch, recursive: true);
                    }
                case "check-changelog" when options.TryGetValue("--base", out var @base):
                    if (await ChangelogCheck.ProblemAsync(layout, @base!) is { } missing)
                    {
                        Console.Error.WriteLine($"Changelog: {missing}.");
                        return 1;
                    }
                    Console.WriteLine("Changelog: every change of a public surface has its entry.");
                    return 0;
                case "releases":
                    foreach (var (version, _) in ReleaseHistory.Of(layout).Released)
                    {
                        Console.WriteLine(version);
                    }
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (UpdateFailedException e)
        {
            Console.Error.WriteLine($"Failed: {e.Message}");
            return 1;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }
    }

    private static async Task<int> UpdateAsync(Layout layout, Dictionary<string, string?> options, string? feed)
    {
        var dryRun = options.ContainsKey("--dry-run");
        var result = await UpdateCommand.RunAsync(layout, new UpdateOptions(options.GetValueOrDefault("--spec"), dryRun, options.GetValueOrDefault("--pr-body"), feed, options.GetValueOrDefault("--open-spec")), Console.Out);
        Print(result);
        if (result.Kind != UpdateKind.None && options.GetValueOrDefault("--pr-body") is { } body && !dryRun)
        {
            await File.WriteAllTextAsync(body, PullRequestBody.Write(result));
        }
        Console.WriteLine(result.Line);
        if (options.GetValueOrDefault("--outputs") is { } outputs)
        {
            // For a workflow (GITHUB_OUTPUT's form): the kind by name and the verdict line.
            await File.AppendAllTextAsync(outputs, $"kind={result.Kind.ToString().ToLowerInvariant()}\ntitle={result.Line}\n");
        }
        return (int)result.Kind;
    }

    /// <summary>
    /// Packs the packages once, at the project's version, judged by package validation against the release before it
    /// (<paramref name="release"/>: below the version, for its release) or at or below it (CI): the packages a release pushes.
    /// </summary>
    private static async Task<int> PackAsync(Layout layout, string output, bool release, string? feed)
    {
        var version = UpdateCommand.CurrentVersion(layout);
        var scratch = Directory.CreateTempSubdirectory("upstash-baseline-").FullName;
        try
        {
            var baseline = Baseline.Find(layout, version, below: release, PackageFeed.Resolve(feed), scratch);
            var report = await PackageValidation.PackAsync(layout, null, version, output, baseline);
            Console.WriteLine(report);
            return report.Passed ? 0 : 1;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static void Print(UpdateResult result)
    {
        if (result.Refusal is not null)
        {
            Console.WriteLine("Refused: " + result.Refusal);
        }
        if (result.ToDo.Count > 0)
        {
            Console.WriteLine("To do (findings a person must act on, each with its overlay fix):");
            foreach (var item in result.ToDo)
            {
                Console.WriteLine("  - " + item);
            }
        }
        if (result.Kind is not (UpdateKind.None or UpdateKind.Refused))
        {
            Console.WriteLine(ApiChanges.Describe(result.Api));
            Console.WriteLine($"Wire: {result.Wire.Count} difference{(result.Wire.Count == 1 ? "" : "s")}.");
            Console.WriteLine(result.Validation);
        }
    }

    private static Dictionary<string, string?>? Options(string[] args)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }
            if (Switches.Contains(name))
            {
                options[name] = null;
                continue;
            }
            if (i + 1 >= args.Length)
            {
                return null;
            }
            options[name] = args[++i];
        }
        return options;
    }
}
