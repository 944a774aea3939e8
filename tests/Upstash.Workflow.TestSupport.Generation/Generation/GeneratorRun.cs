using Upstash.Workflow.Generator;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.TestSupport.Generation;

/// <summary>Runs the build's generator (same entry point, NSwag document and NSwag binaries) on a scratch spec.</summary>
public sealed class GeneratorRun : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <param name="specText">The spec.</param>
    /// <param name="overlayText">An overlay of the test's own, instead of the project's (the C# configuration then does not apply).</param>
    /// <param name="useProjectOverlay">False for no overlay at all, as upstream's file is read.</param>
    /// <param name="clientFile">The client file's name, which names its JSON context: the library's own
    /// ("Upstash.Workflow.g.cs") to compare with its snapshot; another one for code compiled against the library.</param>
    /// <param name="overlayActions">Actions added at the end of the project's overlay (YAML list items), as an update of the overlay would add them.</param>
    public GeneratorRun(string specText, string? overlayText = null, bool useProjectOverlay = true, string clientFile = "Client.g.cs", string? overlayActions = null)
    {
        File.WriteAllText(_dir.File("openapi.yaml"), specText);
        // The project's C# configuration goes with the project's overlay, and not with one of the test's own.
        var projectOverlay = useProjectOverlay && overlayText is null;
        overlayText ??= overlayActions is null ? null : File.ReadAllText(Repository.Overlay) + overlayActions;
        string? overlay = useProjectOverlay ? Repository.Overlay : null;
        if (overlayText is not null)
        {
            overlay = _dir.File("overlay.yaml");
            File.WriteAllText(overlay, overlayText);
        }
        Options = new GeneratorOptions(_dir.File("openapi.yaml"), overlay, Toolchain.NSwagDocument, Toolchain.NSwagDll, _dir.File("out"), _dir.File(clientFile),
            projectOverlay ? Toolchain.CSharpOverlay : null);
        Result = GeneratorCommand.Run(Options);
    }

    public GeneratorOptions Options { get; }

    public DiagnosticBag Result { get; }

    public string Findings => string.Join("\n", Result.Items);

    public string ClientCode => File.ReadAllText(Options.ClientFile);

    public string Scratch => _dir.Path;

    public IEnumerable<Diagnostic> Of(string code) => Result.Items.Where(d => d.Code == code);

    public void Dispose() => _dir.Dispose();
}
