using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Generation;

/// <summary>
/// Which parameters of a bulk call select entries comes from the overlay (x-bulk-filter), not from the
/// client's code: a parameter upstream adds selects nothing until the overlay says it does, so passing
/// only it can never turn "no filter" into "act on everything" unnoticed.
/// </summary>
public sealed class BulkFiltersTests
{
    private const string Line = "private static readonly string[] DeleteFailedRunsFilters_ = ";

    private static string SpecWithNewBulkParameter()
    {
        var spec = (JObject)YamlDocument.Load(Repository.Spec);
        ((JArray)spec.SelectToken("$.paths['/v2/workflows/dlq'].delete.parameters")!).Add(JObject.Parse(
            """{ "in": "query", "name": "region", "required": false, "schema": { "type": "string" } }"""));
        return spec.ToString(Formatting.Indented);
    }

    private static string FiltersOf(string code) => code.Split('\n').Single(l => l.Contains(Line, StringComparison.Ordinal));

    [Fact]
    public void The_overlay_lists_what_selects_entries()
    {
        var filters = FiltersOf(File.ReadAllText(Repository.GeneratedClient));
        Assert.Contains("\"dlqIds\"", filters, StringComparison.Ordinal);
        Assert.Contains("\"label\"", filters, StringComparison.Ordinal);
        Assert.DoesNotContain("\"cursor\"", filters, StringComparison.Ordinal);
        Assert.DoesNotContain("\"count\"", filters, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_upstream_adds_selects_nothing_until_the_overlay_marks_it()
    {
        using var unmarked = new GeneratorRun(SpecWithNewBulkParameter());
        Assert.DoesNotContain("\"region\"", FiltersOf(unmarked.ClientCode), StringComparison.Ordinal);

        var actions = """
              - target: $.paths['/v2/workflows/dlq'].delete.parameters[?@.name=='region']
                update:
                  x-bulk-filter: true

            """;
        using var marked = new GeneratorRun(SpecWithNewBulkParameter(), overlayActions: actions);
        Assert.False(marked.Result.HasErrors, marked.Findings);
        Assert.Contains("\"region\"", FiltersOf(marked.ClientCode), StringComparison.Ordinal);
        Assert.Empty(GeneratedCodeCompiler.Problems(marked.ClientCode));
    }
}
