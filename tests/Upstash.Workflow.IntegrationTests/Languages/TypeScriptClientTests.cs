using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.Generator.Spec;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Languages;

/// <summary>
/// What a TypeScript team does with the committed effective spec: generate a client with
/// @hey-api/openapi-ts and type-check it with tsc --strict (both pinned in tests/typescript). The
/// client must name every operation and every schema the overlay names as the .NET client does.
/// </summary>
public sealed partial class TypeScriptClientTests
{
    private static readonly NodeTool Generator = new("typescript", Path.Combine("@hey-api", "openapi-ts", "bin", "run.js"));
    private static readonly NodeTool Compiler = new("typescript", Path.Combine("typescript", "bin", "tsc"));

    [SkippableFact]
    public async Task Effective_spec_gives_a_strict_typescript_client_with_the_overlay_names()
    {
        var unavailable = Generator.Unavailable() ?? Compiler.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        using var dir = new TempDirectory();

        var generated = await Generator.RunAsync(dir.Path, "-i", Repository.CommittedEffectiveSpec, "-o", "client");
        Assert.True(generated.ExitCode == 0, generated.Output);
        File.WriteAllText(dir.File("tsconfig.json"), $$"""
            { "extends": {{JValue.CreateString(Path.Combine(Repository.Root, "tests", "typescript", "tsconfig.json")).ToString(Newtonsoft.Json.Formatting.None)}}, "include": ["client/**/*.ts"] }
            """);
        var compiled = await Compiler.RunAsync(dir.Path, "-p", "tsconfig.json");
        Assert.True(compiled.ExitCode == 0, "tsc --strict: " + compiled.Output);

        var functions = Exported(File.ReadAllText(dir.File(Path.Combine("client", "sdk.gen.ts"))), "const");
        var types = Exported(File.ReadAllText(dir.File(Path.Combine("client", "types.gen.ts"))), "type");
        var spec = JObject.Parse(File.ReadAllText(Repository.CommittedEffectiveSpec));
        // Every operation of the spec, however many it has, has its id (the overlay's, or one derived from its summary) and its function.
        var operations = OpenApiDocument.Operations(spec).Select(o => o.OperationId).ToList();
        Assert.NotEmpty(operations);
        Assert.DoesNotContain(null, operations);
        Assert.Empty(operations.Except(functions));
        var titles = OverlayTitles();
        Assert.True(titles.Count >= 18, string.Join(", ", titles));
        Assert.Empty(titles.Except(types));
    }

    [SkippableFact]
    public async Task Typescript_client_calls_with_one_auth_scheme_and_repeated_list_pairs()
    {
        var unavailable = Generator.Unavailable() ?? Compiler.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Generator.RunAsync(dir.Path, "-i", Repository.CommittedEffectiveSpec, "-o", "client")).ExitCode);
        File.Copy(Path.Combine(Repository.Root, "tests", "typescript", "usage.ts"), dir.File("usage.ts"));
        // docs/other-languages.md's snippet, type-checked strictly, then emitted as CommonJS for node to run.
        var built = await Compiler.RunAsync(dir.Path, "--strict", "--target", "ES2022", "--lib", "ES2022,DOM,DOM.Iterable",
            "--module", "commonjs", "--moduleResolution", "node10", "--ignoreDeprecations", "5.0", "--outDir", "out", "usage.ts");
        Assert.True(built.ExitCode == 0, "tsc: " + built.Output);

        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{ "messages": [ { "dlqId": "1725323658779-0" } ] }""");
        });
        var run = await new NodeTool("typescript", "").RunScriptAsync(dir.File(Path.Combine("out", "usage.js")), dir.Path, server.BaseAddress.AbsoluteUri.TrimEnd('/'), Clients.Token);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("""{"status":200,"messages":1}""", run.Output.Trim());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/workflows/dlq?label=nightly&label=billing", request.RawTarget);
        Assert.Equal($"Bearer {Clients.Token}", request.Header("Authorization"));
    }

    /// <summary>Every title the overlay gives, each a type name in every language.</summary>
    private static HashSet<string> OverlayTitles() =>
        YamlDocument.Load(Repository.Overlay)["actions"]!
            .Select(a => a["update"]?["title"]?.Value<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Exported(string code, string kind) =>
        Regex.Matches(code, $@"^export {kind} ([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
}
