using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.CSharp;
using Upstash.Workflow.Generator.CSharp.Plan;
using Upstash.Workflow.Generator.CSharp.Writers;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.Generator.Overlay;
using Upstash.Workflow.Generator.Spec;
using YamlDotNet.Core;

namespace Upstash.Workflow.Generator;

/// <summary>What one generator run reads and writes.</summary>
public sealed record GeneratorOptions(
    string Spec,
    string? Overlay,
    string NSwagDocument,
    string NSwagDll,
    string OutputDirectory,
    string ClientFile,
    string? CSharpOverlay = null)
{
    /// <summary>Spec with the overlay applied and missing names filled in: the document every language generates from.</summary>
    public string EffectiveSpec => Path.Combine(OutputDirectory, "openapi.effective.json");

    /// <summary>The model schemas NSwag writes classes and enums from (see <see cref="CSharp.NSwagInput"/>).</summary>
    public string NSwagInput => Path.Combine(OutputDirectory, "openapi.csharp.json");

    /// <summary>What NSwag writes; the client file is this plus what the writers write.</summary>
    public string NSwagOutput => Path.Combine(OutputDirectory, "nswag-output.g.cs");
}

/// <summary>
/// spec → overlay → enum descriptions in list form → checks → fallback names → titles as components → effective spec; then C# configuration →
/// plan → the writers print the operations, options types, root client and JSON context from it, and NSwag writes
/// the model classes and enums from its schemas (the templates read each schema's part of the plan) → the client file.
/// docs/maintaining/architecture.md draws it. The build (UpstashGen.targets) and the tests call this same entry point.
/// </summary>
public static class GeneratorCommand
{
    public static int Main(string[] args)
    {
        if (!TryParse(args, out var options, out var usage))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        var diagnostics = Run(options);
        foreach (var diagnostic in diagnostics.Items)
        {
            Console.Out.WriteLine(diagnostic);
        }
        return diagnostics.HasErrors ? 1 : 0;
    }

    public static DiagnosticBag Run(GeneratorOptions options)
    {
        var diagnostics = new DiagnosticBag();
        if (Prepare(options, diagnostics) is not { } prepared)
        {
            return diagnostics;
        }
        Write(options.NSwagInput, prepared.NSwagInput);
        var nswagDocument = NSwagRunner.PrepareDocument(options.NSwagDocument, options.OutputDirectory);
        NSwagRunner.Run(options.NSwagDll, nswagDocument, options.NSwagInput, options.NSwagOutput, diagnostics);
        if (diagnostics.HasErrors)
        {
            return diagnostics;
        }
        // The client file: the models and enums NSwag wrote, then what the writers print of the plan.
        var client = File.ReadAllText(options.NSwagOutput) + prepared.Written;
        // Rewritten only when it changed, so that an unchanged client keeps its time stamp.
        if (!File.Exists(options.ClientFile) || File.ReadAllText(options.ClientFile) != client)
        {
            File.WriteAllText(options.ClientFile, client);
        }
        diagnostics.Info($"generated {options.ClientFile} from {options.Spec}" + (options.Overlay is null ? "" : $" + {options.Overlay}"));
        return diagnostics;
    }

    /// <summary>What the generator makes before NSwag runs: the plan, NSwag's input, and the writers' code.</summary>
    public sealed record Prepared(ClientPlan Plan, JObject NSwagInput, string Written);

    /// <summary>Everything but NSwag itself: null when a finding stops generation.</summary>
    public static Prepared? Prepare(GeneratorOptions options, DiagnosticBag diagnostics)
    {
        if (Plan(options, diagnostics) is not { } planned)
        {
            return null;
        }
        var (_, plan) = planned;
        return new Prepared(plan, NSwagInput.Render(plan),
            OperationsWriter.Write(plan) + JsonContextWriter.Write(plan) + OptionsWriter.Write(plan) + GroupsWriter.Write(plan));
    }

    /// <summary>
    /// Everything before NSwag: the effective spec (written to <see cref="GeneratorOptions.EffectiveSpec"/>),
    /// the C# configuration applied to a copy of it, and the plan. Null when a finding stops generation.
    /// </summary>
    public static (JObject CSharpSpec, ClientPlan Plan)? Plan(GeneratorOptions options, DiagnosticBag diagnostics)
    {
        var spec = Load(options.Spec, diagnostics);
        var overlay = options.Overlay is null ? null : Load(options.Overlay, diagnostics);
        if (diagnostics.HasErrors || spec is not JObject root)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(Codes.Unreadable, "the spec is not a YAML or JSON object", spec);
            }
            return null;
        }

        // The language-neutral stage: what every language generates from.
        if (overlay is not null)
        {
            OverlayApplier.Apply(root, overlay, diagnostics);
        }
        if (!diagnostics.HasErrors)
        {
            DocumentShape.Check(root, diagnostics);
        }
        if (!diagnostics.HasErrors)
        {
            EnumDescriptions.Apply(root, diagnostics);
            SpecChecker.Check(root, diagnostics);
        }
        if (!diagnostics.HasErrors)
        {
            FallbackNames.Apply(root, diagnostics);
        }
        if (!diagnostics.HasErrors)
        {
            TitledSchemas.Hoist(root, diagnostics);
        }
        if (diagnostics.HasErrors)
        {
            return null;
        }
        Directory.CreateDirectory(options.OutputDirectory);
        Write(options.EffectiveSpec, root);

        // The C# stage: its configuration on a copy, then one plan every template and writer reads.
        var csharp = (JObject)root.DeepClone();
        if (options.CSharpOverlay is not null && Load(options.CSharpOverlay, diagnostics) is { } csharpOverlay)
        {
            OverlayApplier.Apply(csharp, csharpOverlay, diagnostics);
            if (!diagnostics.HasErrors)
            {
                DocumentShape.Check(csharp, diagnostics);
            }
        }
        if (diagnostics.HasErrors)
        {
            return null;
        }
        var settings = new PlanSettings(NSwagRunner.Namespace(options.NSwagDocument), JsonContextWriter.ContextName(options.ClientFile));
        var plan = PlanBuilder.Build(csharp, settings, diagnostics);
        return diagnostics.HasErrors ? null : (csharp, plan);
    }

    private static JToken? Load(string path, DiagnosticBag diagnostics)
    {
        try
        {
            return YamlDocument.Load(path);
        }
        catch (YamlException e)
        {
            diagnostics.ErrorAt(Codes.Unreadable, $"not valid YAML: {e.Message}", new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column));
        }
        catch (IOException e)
        {
            diagnostics.ErrorAt(Codes.Unreadable, $"cannot read the file: {e.Message}", new SourceLocation(path, 1, 1));
        }
        return null;
    }

    private static void Write(string path, JToken document)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented };
        document.WriteTo(json);
        writer.WriteLine();
    }

    private static bool TryParse(string[] args, out GeneratorOptions options, out string usage)
    {
        usage = "usage: upstash-gen --spec <openapi.yaml> [--overlay <overlay.yaml>] [--csharp-overlay <csharp-overlay.yaml>] --nswag-document <nswag.json> " +
                "--nswag <dotnet-nswag.dll> --out <dir> --client <file.g.cs>";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        options = null!;
        if (args.Length % 2 != 0 || new[] { "--spec", "--nswag-document", "--nswag", "--out", "--client" }.Any(k => !values.ContainsKey(k)))
        {
            return false;
        }
        // Absolute, since NSwag reads the paths it is given relative to its own document.
        options = new GeneratorOptions(
            Path.GetFullPath(values["--spec"]),
            values.GetValueOrDefault("--overlay") is { } overlay ? Path.GetFullPath(overlay) : null,
            Path.GetFullPath(values["--nswag-document"]),
            Path.GetFullPath(values["--nswag"]),
            Path.GetFullPath(values["--out"]),
            Path.GetFullPath(values["--client"]),
            values.GetValueOrDefault("--csharp-overlay") is { } csharpOverlay ? Path.GetFullPath(csharpOverlay) : null);
        return true;
    }
}
