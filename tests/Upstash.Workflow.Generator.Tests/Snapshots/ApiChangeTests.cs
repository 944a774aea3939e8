using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.Generator.Tests.Generation;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation.Snapshots;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.Generator.Tests.Snapshots;

/// <summary>What a spec update does to the public API: additive or breaking, member by member.</summary>
public sealed class ApiChangeTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const string Before = """
        namespace N
        {
            public abstract class B
            {
                protected B() { }
                public abstract void Must();
            }
            public interface IC
            {
                void A(int x);
            }
            public class C
            {
                public C() { }
                [J("a")]
                public int? A { get; set; }
                public void M(
                            int x,
                            int y = 0) { }
                public void Gone() { }
            }
            public enum E
            {
                One = 0,
                Two = 1,
            }
        }
        """;

    [Fact]
    public void No_difference_is_no_change() => Assert.Empty(ApiChanges.Compare(Before, Before));

    [Fact]
    public void Each_kind_of_difference_is_classified()
    {
        var after = Before
            .Replace("        void A(int x);\n", "        void A(int x);\n        void B();\n", StringComparison.Ordinal)
            .Replace("[J(\"a\")]", "[J(\"a\", Required=true)]", StringComparison.Ordinal)
            .Replace("int y = 0) { }", "int y = 0,\n                    int z = 0) { }", StringComparison.Ordinal)
            .Replace("        public void Gone() { }\n", "        public string? Name { get; set; }\n        public virtual void V() { }\n", StringComparison.Ordinal)
            .Replace("        public abstract void Must();\n", "        public abstract void Must();\n        public abstract void New();\n", StringComparison.Ordinal)
            .Replace("    public enum E", "    public class D\n    {\n        public D() { }\n    }\n    public enum E", StringComparison.Ordinal);
        Assert.NotEqual(Before, after);
        var changes = ApiChanges.Compare(Before, after);

        Assert.Equal(
            [
                (ApiChangeKind.AddedToImplement, "N.B", "New"),
                (ApiChangeKind.AttributesChanged, "N.C", "A"),
                (ApiChangeKind.Changed, "N.C", "M"),
                (ApiChangeKind.Removed, "N.C", "Gone"),
                (ApiChangeKind.Added, "N.C", "Name"),
                (ApiChangeKind.Added, "N.C", "V"),
                (ApiChangeKind.Added, "N", "D"),
                (ApiChangeKind.AddedToImplement, "N.IC", "B"),
            ],
            changes.Select(c => (c.Kind, c.Type, c.Member)));
        Assert.Contains("+ int z = 0", changes.Single(c => c.Member == "M").ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Public API change: BREAKING", ApiChanges.Describe(changes), StringComparison.Ordinal);
        Assert.StartsWith("Public API change: additive", ApiChanges.Describe([.. changes.Where(c => !c.Breaking)]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_spec_update_is_classified_from_the_generated_clients()
    {
        // Upstream's next file, as it might be: a new header on restart, a new field on runs, and a DLQ entry that can no
        // longer be deleted one by one (the new names are ones no version of upstream's file has, so the test holds as it grows).
        var spec = (JObject)YamlDocument.Load(Repository.Spec);
        var before = GeneratedApi.Of(spec);
        var restart = (JObject)spec.SelectToken("$.paths['/v2/workflows/dlq/restart/{dlqId}'].post")!;
        ((JArray)restart["parameters"]!).Add(JObject.Parse("""{ "in": "header", "name": "Upstash-Probe-Priority", "required": false, "schema": { "type": "integer" } }"""));
        ((JObject)spec.SelectToken("$.components.schemas.WorkflowRun.properties")!)["probePriority"] = JObject.Parse("""{ "type": "integer" }""");
        ((JObject)spec.SelectToken("$.paths['/v2/workflows/dlq/{dlqId}']")!).Remove("delete");
        var changes = ApiChanges.Compare(before, GeneratedApi.Of(spec));

        reporter.Say("Spec update (restart gains Upstash-Probe-Priority, runs gain probePriority, DELETE /v2/workflows/dlq/{dlqId} goes):\n" + ApiChanges.Describe(changes));
        // The new header is a new member of restart's options object: additive, no method changes.
        Assert.Contains(changes, c => c is { Kind: ApiChangeKind.Added, Member: "ProbePriority", Type: "Upstash.Workflow.RestartWorkflowOptions" });
        Assert.Contains(changes, c => c is { Kind: ApiChangeKind.Removed, Member: "DeleteFailedRunAsync", Type: "Upstash.Workflow.DlqClient" });
        Assert.Contains(changes, c => c is { Kind: ApiChangeKind.Added, Member: "ProbePriority", Type: "Upstash.Workflow.WorkflowRun" });
        Assert.DoesNotContain(changes, c => c.Member == "RestartWorkflowAsync");
        // The operation's two forms, and its options type, go with it.
        Assert.Equal(2, changes.Count(c => c is { Kind: ApiChangeKind.Removed, Member: "DeleteFailedRunAsync" }));
        Assert.Contains(changes, c => c is { Kind: ApiChangeKind.Removed, Member: "DeleteFailedRunOptions" });
        Assert.Equal(5, changes.Count);
        Assert.StartsWith("Public API change: BREAKING (2 added, 3 removed)", ApiChanges.Describe(changes), StringComparison.Ordinal);

        // docs/maintaining/upstream.md shows this report as it is printed.
        var doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "maintaining", "upstream.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = doc.IndexOf("```\nPublic API change:", StringComparison.Ordinal) + 4;
        Assert.Equal(ApiChanges.Describe(changes).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), doc[start..doc.IndexOf("\n```", start, StringComparison.Ordinal)]);
    }

    /// <summary>
    /// What upstream adds, each kind alone: a new tag, operation, optional header, optional query parameter, field and enum
    /// value, each under a name no version of upstream's file has, so the test holds whatever the spec grows into.
    /// </summary>
    public static TheoryData<string> Growth => new(Grows.Keys);

    private static readonly Dictionary<string, Action<JObject>> Grows = new()
    {
        ["a tag of its own (a group)"] = spec => spec["paths"]!["/v2/growth-probe/things"] = JObject.Parse("""
            { "get": { "tags": ["Growth Probe"], "operationId": "listGrowthProbeThings", "summary": "List Things", "responses": { "200": { "description": "ok" } } } }
            """),
        ["an operation"] = spec => spec["paths"]!["/v2/workflows/dlq/growth-probe"] = JObject.Parse("""
            { "get": { "tags": ["DLQ"], "operationId": "getGrowthProbe", "summary": "Get Growth Probe", "responses": { "200": { "description": "ok",
              "content": { "application/json": { "schema": { "title": "GrowthProbe", "type": "object", "properties": { "count": { "type": "integer" } } } } } } } } }
            """),
        ["an optional header"] = spec => Parameters(spec, "/v2/trigger/{workflowUrl}", "post").Add(JObject.Parse("""{ "in": "header", "name": "Upstash-Growth-Probe", "required": false, "schema": { "type": "integer" } }""")),
        ["an optional query parameter where the call had none"] = spec => Parameters(spec, "/v2/keys", "get").Add(JObject.Parse("""{ "in": "query", "name": "growthProbe", "required": false, "schema": { "type": "boolean" } }""")),
        ["a field"] = spec => ((JObject)spec.SelectToken("$.components.schemas.WorkflowRun.properties")!)["growthProbe"] = JObject.Parse("""{ "type": "integer" }"""),
        ["an enum value"] = spec => ((JArray)spec.Descendants().OfType<JObject>().First(o => o["enum"] is JArray values && values.Any(v => (string?)v == "parallel"))["enum"]!).Add("growth-probe"),
    };

    /// <summary>The public API today's spec gives, generated once for every kind of growth.</summary>
    private static readonly Lazy<string> Today = new(() => GeneratedApi.Of((JObject)YamlDocument.Load(Repository.Spec)));

    private static JArray Parameters(JObject spec, string path, string method) => (JArray)(spec["paths"]![path]![method]!["parameters"] ??= new JArray());

    [Theory]
    [MemberData(nameof(Growth))]
    public void What_upstream_adds_is_additive(string growth)
    {
        var spec = (JObject)YamlDocument.Load(Repository.Spec);
        Grows[growth](spec);

        var changes = ApiChanges.Compare(Today.Value, GeneratedApi.Of(spec));

        Assert.NotEmpty(changes);
        Assert.True(changes.All(c => !c.Breaking), $"{growth}:\n{ApiChanges.Describe(changes)}");
    }
}
