using Upstash.Workflow.Generator;
using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Generation;

/// <summary>Runs the build's generator (same entry point, NSwag document and NSwag binaries) on a scratch spec.</summary>
public sealed class GeneratorRun : IDisposable
{
    private readonly TempDirectory _dir = new();

    public GeneratorRun(string specText, string? overlayText = null, bool useProjectOverlay = true)
    {
        File.WriteAllText(_dir.File("openapi.yaml"), specText);
        string? overlay = useProjectOverlay ? Repository.Overlay : null;
        if (overlayText is not null)
        {
            overlay = _dir.File("overlay.yaml");
            File.WriteAllText(overlay, overlayText);
        }
        Options = new GeneratorOptions(_dir.File("openapi.yaml"), overlay, Repository.NSwagDocument, Repository.NSwagDll, _dir.File("out"), _dir.File("Client.g.cs"));
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
