namespace Upstash.Workflow.Release;

/// <summary>
/// The command line. Exit codes: an update ends with its kind's (<see cref="UpdateKind"/>: 0 none, 10 wire,
/// 11 additive, 12 breaking, 20 refused); the checks with 0 when they hold, 1 when not; 2 for a command it does not know.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage:
          update --spec <path-or-https-URL> [--dry-run] [--pr-body <file>] [--outputs <file>] [--baseline <folder>] [--packages <folder>] [--date <yyyy-mm-dd>] [--root <repository>]
          check-release --tag <vX.Y.Z> [--notes <file>] [--root <repository>]
          check-compat [--baseline <folder> --baseline-version <X.Y.Z>] [--root <repository>]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var options = Options(args[1..]);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var layout = options.TryGetValue("--root", out var root) ? new Layout(Path.GetFullPath(root!)) : Layout.Find(Directory.GetCurrentDirectory());
        switch (args[0])
        {
            case "update" when options.TryGetValue("--spec", out var spec):
                var result = await UpdateCommand.RunAsync(layout, new UpdateOptions(spec!, options.ContainsKey("--dry-run"), options.GetValueOrDefault("--pr-body"),
                    options.GetValueOrDefault("--baseline"), options.GetValueOrDefault("--packages"), options.GetValueOrDefault("--date")), Console.Out);
                Print(result);
                if (result.Kind != UpdateKind.None && options.GetValueOrDefault("--pr-body") is { } body && !options.ContainsKey("--dry-run"))
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
                Console.WriteLine($"{tag} may be released: it is the version in the project, and CHANGELOG.md has its section.");
                return 0;
            case "check-compat":
                return await CheckCompatAsync(layout, options.GetValueOrDefault("--baseline"), options.GetValueOrDefault("--baseline-version"));
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>Packs this tree against the last release (a folder, or the newest version tag): what CI runs after the tests.</summary>
    private static async Task<int> CheckCompatAsync(Layout layout, string? baseline, string? baselineVersion)
    {
        var scratch = Directory.CreateTempSubdirectory("upstash-compat-").FullName;
        try
        {
            var version = UpdateCommand.CurrentVersion(layout);
            if (baseline is null)
            {
                baselineVersion = Changelog.Versions(File.Exists(layout.Changelog) ? File.ReadAllText(layout.Changelog) : "").FirstOrDefault(v => v != version);
                baseline = baselineVersion is null ? null : await UpdateCommand.BaselineFromTagAsync(layout, baselineVersion, scratch, Console.Out);
            }
            var report = PackageValidation.HasBaseline(baseline, baselineVersion ?? "")
                ? await PackageValidation.PackAsync(layout, layout.Spec, version, Path.Combine(scratch, "packages"), baseline, baselineVersion)
                : ValidationReport.Skipped;
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
            if (name is "--dry-run")
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
