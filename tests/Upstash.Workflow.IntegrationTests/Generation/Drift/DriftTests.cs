using System.Collections.Concurrent;
using System.Runtime.Loader;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Xunit.Abstractions;

namespace Upstash.Workflow.IntegrationTests.Generation.Drift;

/// <summary>
/// Every change of <see cref="DriftCorpus"/> through the build's own generator, NSwag and the project's
/// overlay, and the result compiled: each ends as expected, and none crashes the generator or yields
/// code that does not compile. The run prints one line with the counts.
/// </summary>
public sealed class DriftTests(ITestOutputHelper output, Reporter reporter) : IClassFixture<Reporter>
{
    private sealed record Result(DriftCase Case, string Actual, string? Problem);

    [Fact]
    public async Task Every_kind_of_spec_change_builds_or_is_refused_with_a_fix()
    {
        Assert.True(DriftCorpus.Cases.Count >= 25, $"{DriftCorpus.Cases.Count} kinds of change");
        Assert.Equal(DriftCorpus.Cases.Count, DriftCorpus.Cases.Select(c => c.Kind).Distinct().Count());

        var results = new ConcurrentBag<Result>();
        await Parallel.ForEachAsync(DriftCorpus.Cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            (drift, _) =>
            {
                results.Add(Run(drift));
                return ValueTask.CompletedTask;
            });

        var clean = results.Count(r => r.Actual == nameof(DriftOutcome.BuildsClean));
        var warned = results.Count(r => r.Actual == nameof(DriftOutcome.BuildsWithWarning));
        var refused = results.Count(r => r.Actual == nameof(DriftOutcome.RefusedWithFix));
        var broken = results.Count - clean - warned - refused;
        reporter.Say(
            $"Drift: {results.Count} changes: {clean} built clean, {warned} built with warnings, {refused} refused with a fix, {broken} crashed or emitted code that does not compile.");
        foreach (var result in results.OrderBy(r => r.Case.Kind, StringComparer.Ordinal))
        {
            output.WriteLine($"{result.Case.Kind}: {result.Actual}{(result.Problem is null ? "" : " — " + result.Problem)}");
        }
        var wrong = results.Where(r => r.Problem is not null).OrderBy(r => r.Case.Kind, StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n\n", wrong.Select(r => $"{r.Case.Kind}: {r.Problem}")));
    }

    [Fact]
    public void The_unchanged_spec_builds_clean()
    {
        var result = Run(new DriftCase("no change", _ => { }, DriftOutcome.BuildsClean));
        Assert.True(result.Problem is null, result.Problem);
    }

    /// <summary>Applies the change to a fresh copy of the spec, generates, compiles, and says how it ended and what was not as expected.</summary>
    private static Result Run(DriftCase drift)
    {
        var spec = (JObject)YamlDocument.Load(Repository.Spec);
        drift.Edit(spec);
        GeneratorRun run;
        try
        {
            run = new GeneratorRun(spec.ToString(Formatting.Indented));
        }
        catch (Exception e)
        {
            return new Result(drift, "crashed", $"the generator threw {e}");
        }
        using (run)
        {
            var errors = run.Result.Items.Where(d => d.Severity == Severity.Error).ToList();
            var warnings = run.Result.Items.Where(d => d.Severity == Severity.Warning).ToList();
            if (errors.Count > 0)
            {
                var unfixable = errors.Where(e => !e.Message.Contains("target:", StringComparison.Ordinal)).ToList();
                if (errors.Exists(e => e.Code == Codes.NSwagFailed) || unfixable.Count > 0)
                {
                    return new Result(drift, "crashed", "refused without an overlay fix: " + string.Join("\n", unfixable.Concat(errors.Where(e => e.Code == Codes.NSwagFailed))));
                }
                return new Result(drift, nameof(DriftOutcome.RefusedWithFix), Expect(drift, DriftOutcome.RefusedWithFix, errors.Select(e => e.Code), run.Findings));
            }

            var problems = GeneratedCodeCompiler.Problems(run.ClientCode);
            if (problems.Count > 0)
            {
                return new Result(drift, "does not compile", string.Join("\n", problems.Take(5)));
            }
            var actual = warnings.Count == 0 ? DriftOutcome.BuildsClean : DriftOutcome.BuildsWithWarning;
            var problem = Expect(drift, actual, warnings.Select(w => w.Code), run.Findings);
            var code = run.ClientCode;
            if (problem is null && drift.Shows is { } shows && !code.Contains(shows, StringComparison.Ordinal))
            {
                problem = $"the client does not contain \"{shows}\"";
            }
            if (problem is null && drift.Lacks is { } lacks && code.Contains(lacks, StringComparison.Ordinal))
            {
                problem = $"the client still contains \"{lacks}\"";
            }
            if (problem is null && drift.Reaches is { } reaches)
            {
                problem = Unreachable(code, reaches);
            }
            return new Result(drift, actual.ToString(), problem);
        }
    }

    /// <summary>Null when UpstashWorkflowClient has the group property and the group the method ("Group.MethodAsync"), in the compiled client.</summary>
    private static string? Unreachable(string code, string reaches)
    {
        var (group, method) = (reaches.Split('.')[0], reaches.Split('.')[1]);
        var context = new AssemblyLoadContext("drift", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(GeneratedCodeCompiler.Emit(code)));
            var root = assembly.GetType("Upstash.Workflow.UpstashWorkflowClient");
            var property = root?.GetProperty(group);
            return property?.PropertyType.GetMethods().Any(m => m.Name == method && m.IsVirtual) == true
                ? null
                : $"UpstashWorkflowClient{(root is null ? " is missing" : property is null ? $" has no property {group}" : $".{group} ({property.PropertyType.Name}) has no method {method}")}";
        }
        finally
        {
            context.Unload();
        }
    }

    private static string? Expect(DriftCase drift, DriftOutcome actual, IEnumerable<string> codes, string findings)
    {
        if (actual != drift.Outcome)
        {
            return $"expected {drift.Outcome}{(drift.Code is null ? "" : " " + drift.Code)}, got {actual}:\n{findings}";
        }
        return drift.Code is null || codes.Contains(drift.Code) ? null : $"expected {drift.Code}, got:\n{findings}";
    }
}
