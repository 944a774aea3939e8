using System.Collections.Concurrent;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Generation;

/// <summary>
/// No input crashes the generator: thousands of broken specs, overlays and C# configurations (truncated,
/// mutated byte by byte, made of flow-style fragments, with a node of the wrong type anywhere, with actions
/// aimed anywhere), each run through everything the generator does but NSwag itself (NSwag's own failures
/// are findings, UG0201). Every input is prepared or ends in a UGxxxx error; the seed is fixed, so a crash
/// found once is found again.
/// </summary>
public sealed class GeneratorFuzzTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const int Seed = 20261129;

    private static readonly string Spec = File.ReadAllText(Repository.Spec);
    private static readonly string Overlay = File.ReadAllText(Repository.Overlay);
    private static readonly string CSharpOverlay = File.ReadAllText(Toolchain.CSharpOverlay);

    /// <summary>One input: a spec, an overlay and a C# configuration, the text of each as the generator reads it.</summary>
    private sealed record Input(string Kind, string Spec, string Overlay, string CSharpOverlay);

    private sealed record Outcome(Input Input, string? Crash, bool Prepared, IReadOnlyList<string> Codes);

    [Fact]
    public void No_input_crashes_the_generator()
    {
        var inputs = Inputs(new Random(Seed)).ToList();
        var outcomes = new ConcurrentBag<Outcome>();
        Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new TempDirectory(), (input, _, scratch) =>
        {
            outcomes.Add(Run(input, scratch));
            return scratch;
        }, scratch => scratch.Dispose());

        var crashed = outcomes.Where(o => o.Crash is not null).ToList();
        var unexplained = outcomes.Where(o => o.Crash is null && !o.Prepared && !o.Codes.Any(c => c.StartsWith("UG", StringComparison.Ordinal))).ToList();
        var kinds = string.Join(", ", inputs.GroupBy(i => i.Kind).Select(g => $"{g.Count()} {g.Key}"));
        reporter.Say($"Generator fuzz: {inputs.Count} inputs ({kinds}), seed {Seed}: {outcomes.Count(o => o.Prepared)} prepared, " +
            $"{outcomes.Count(o => o.Crash is null && !o.Prepared)} ended in a UGxxxx finding " +
            $"({string.Join(", ", outcomes.SelectMany(o => o.Codes).GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}), {crashed.Count} crashed.");
        Assert.True(crashed.Count == 0, string.Join("\n\n", crashed.GroupBy(c => Site(c.Crash!)).Select(g => g.First()).Take(20).Select(c => $"{c.Input.Kind} crashed the generator:\n{c.Crash}\nspec starts: {Excerpt(c.Input.Spec)}\noverlay ends: {Excerpt(c.Input.Overlay[^Math.Min(300, c.Input.Overlay.Length)..])}")));
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} inputs stopped without a UGxxxx error, e.g. {unexplained.FirstOrDefault()?.Input.Kind}");
        Assert.Equal(inputs.Count, outcomes.Count);
    }

    /// <summary>The generator's own frame a crash came from, to list each kind of crash once.</summary>
    private static string Site(string crash) =>
        crash.Split('\n').FirstOrDefault(l => l.Contains("Upstash.Workflow.Generator.", StringComparison.Ordinal))?.Trim() ?? crash.Split('\n')[0];

    private static Outcome Run(Input input, TempDirectory scratch)
    {
        File.WriteAllText(scratch.File("openapi.yaml"), input.Spec);
        File.WriteAllText(scratch.File("overlay.yaml"), input.Overlay);
        File.WriteAllText(scratch.File("csharp-overlay.yaml"), input.CSharpOverlay);
        var options = new GeneratorOptions(scratch.File("openapi.yaml"), scratch.File("overlay.yaml"), Toolchain.NSwagDocument, Toolchain.NSwagDll,
            scratch.File("out"), scratch.File("Client.g.cs"), scratch.File("csharp-overlay.yaml"));
        var diagnostics = new DiagnosticBag();
        try
        {
            var prepared = GeneratorCommand.Prepare(options, diagnostics);
            var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Code).Distinct().ToList();
            return new Outcome(input, null, prepared is not null && errors.Count == 0, errors);
        }
        catch (Exception e)
        {
            return new Outcome(input, e.ToString(), false, []);
        }
    }

    private static IEnumerable<Input> Inputs(Random random)
    {
        var parsed = (JObject)YamlDocument.Load(Repository.Spec);
        for (var i = 0; i < 300; i++)
        {
            yield return new Input("spec truncations", Spec[..random.Next(Spec.Length)], Overlay, CSharpOverlay);
        }
        for (var i = 0; i < 900; i++)
        {
            yield return new Input("spec byte mutations", Mutate(random, Spec), Overlay, CSharpOverlay);
        }
        for (var i = 0; i < 500; i++)
        {
            yield return new Input("flow-style fragments", Fragments(random), Overlay, CSharpOverlay);
        }
        for (var i = 0; i < 600; i++)
        {
            yield return new Input("spec nodes of the wrong type", WrongNode(random, parsed), Overlay, CSharpOverlay);
        }
        for (var i = 0; i < 200; i++)
        {
            yield return new Input("overlay truncations", Spec, Overlay[..random.Next(Overlay.Length)], CSharpOverlay);
        }
        for (var i = 0; i < 400; i++)
        {
            yield return new Input("overlay byte mutations", Spec, Mutate(random, Overlay), CSharpOverlay);
        }
        for (var i = 0; i < 400; i++)
        {
            yield return new Input("overlay actions aimed anywhere", Spec, Overlay + Actions(random), CSharpOverlay);
        }
        for (var i = 0; i < 300; i++)
        {
            yield return new Input("C# configurations mutated", Spec, Overlay, random.Next(2) == 0 ? Mutate(random, CSharpOverlay) : CSharpOverlay + Actions(random));
        }
    }

    private const string Specials = "[]{}:,-?|>'\"&*!%@`#\t\n ";

    /// <summary>One to four edits: a character replaced by a YAML special, one inserted, a span deleted, a line repeated or its indentation changed.</summary>
    private static string Mutate(Random random, string text)
    {
        var result = new StringBuilder(text);
        for (var edits = random.Next(1, 5); edits > 0 && result.Length > 0; edits--)
        {
            var at = random.Next(result.Length);
            switch (random.Next(5))
            {
                case 0:
                    result[at] = Specials[random.Next(Specials.Length)];
                    break;
                case 1:
                    result.Insert(at, Specials[random.Next(Specials.Length)]);
                    break;
                case 2:
                    result.Remove(at, Math.Min(random.Next(1, 40), result.Length - at));
                    break;
                case 3:
                    var (start, end) = LineAround(result.ToString(), at);
                    result.Insert(start, result.ToString(start, end - start) + "\n");
                    break;
                default:
                    result.Insert(LineAround(result.ToString(), at).Start, new string(' ', random.Next(1, 4)));
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>Where the line holding <paramref name="at"/> starts and ends (before its line break).</summary>
    private static (int Start, int End) LineAround(string text, int at)
    {
        var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var end = text.IndexOf('\n', start);
        return (start, end < 0 ? text.Length : end);
    }

    private static readonly string[] Flow =
    [
        "info: {title: x", "paths: [", "openapi: 3.1.0\n", "openapi: 3.0.0\n", "paths: {", "'/v2/a/{id}': {get: {", "tags: [a", "responses: {'200': {description: ok}}",
        "}", "]", ", ", "\n", "components: {schemas: {A: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}}}", "x: &a [*a]", "? [a]: b\n",
        "!!binary AAAA", "%YAML 1.2\n---\n", "---\n...\n---\n", "\t", "\"\\x\"", "parameters: [{in: path, name: id}]", "operationId: ", "{", "[", "*ref", "&anchor ",
        "summary: \"", "- - -", ": :", "'", "paths: {'/a': {x-y: 1, get: {tags: [T], summary: S, responses: {'200': {content: {application/json: {schema: {type: array, items: }}}}}}}}",
    ];

    private static string Fragments(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(2, 8)).Select(_ => Flow[random.Next(Flow.Length)]));

    private static readonly JToken[] Odd =
    [
        JValue.CreateNull(), new JValue(0), new JValue(-1), new JValue(1e308), new JValue(""), new JValue("x"), new JValue(true), new JArray(), new JArray(1, "a"),
        new JObject(), JObject.Parse("""{ "$ref": "#/components/schemas/Nope" }"""), JObject.Parse("""{ "$ref": "#/x/y" }"""), JObject.Parse("""{ "$ref": 5 }"""),
        JObject.Parse("""{ "type": ["integer", "null"], "format": "date-time" }"""), JObject.Parse("""{ "type": "array" }"""), JObject.Parse("""{ "enum": [1, "a", null] }"""),
        JObject.Parse("""{ "in": "header", "name": "Upstash-*-x" }"""), JObject.Parse("""{ "in": "path", "name": "" }"""), JObject.Parse("""{ "x-unix-time": 7 }"""),
    ];

    /// <summary>The parsed spec with one node replaced by a value of another type, or a property removed or renamed.</summary>
    private static string WrongNode(Random random, JObject spec)
    {
        var copy = (JObject)spec.DeepClone();
        var nodes = copy.Descendants().ToList();
        var node = nodes[random.Next(nodes.Count)];
        if (node is JProperty property && random.Next(3) == 0)
        {
            if (random.Next(2) == 0)
            {
                property.Remove();
            }
            else if (property.Parent is JObject owner && owner.Property(property.Name + "_") is null)
            {
                property.Replace(new JProperty(property.Name + "_", property.Value));
            }
        }
        else if (node is not JProperty && node.Parent is not null)
        {
            node.Replace(Odd[random.Next(Odd.Length)].DeepClone());
        }
        return copy.ToString(Formatting.None);
    }

    private static readonly string[] Targets =
    [
        "$", "$.paths", "$.paths.*", "$..*", "$.components", "$.components.schemas.*.properties", "$[*]", "$.paths[*][*]", "$.paths[*][*].parameters[*]",
        "$.paths[?@.x==1]", "$['a'", "@", "", "$.info.title", "$.paths[*][*].responses", "$.components.schemas.WorkflowDLQMessage", "$..[?(@.name)]", "$.tags",
    ];

    private static readonly string[] Updates =
    [
        "remove: true", "update: 1", "update: x", "update: []", "update: [1, 2]", "update: {}", "update: null", "update: { x-options: { header: 5 } }",
        "update: { x-options: [a] }", "update: { x-options-part: key }", "update: { x-originalName: '' }", "update: { x-originalName: class }", "update: { x-name: 'a b' }",
        "update: { x-paging: 1 }", "update: { x-paging: { cursorParameter: cursor } }", "update: { x-bulk: true }", "update: { x-bulk-filter: yes }",
        "update: { x-unix-time: seconds }", "update: { x-duration: text }", "update: { type: object }", "update: { enum: [] }", "update: { title: '' }",
        "update: { title: 'a b' }", "update: { tags: [] }", "update: { operationId: '' }", "update: { required: [x] }", "update: { $ref: '#/components/schemas/Nope' }",
    ];

    private static string Actions(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            $"  - target: \"{Targets[random.Next(Targets.Length)].Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n    {Updates[random.Next(Updates.Length)]}\n"));

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
