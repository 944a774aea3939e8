using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Upstash.Workflow.Tests.Generation;

/// <summary>
/// Compiles a generated client on its own against the library's handwritten part (Upstash.Workflow.dll):
/// proof that a spec yields code that builds, without building a project around it.
/// </summary>
public static class GeneratedCodeCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .Append(typeof(UpstashWorkflowClient).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>The compiler's errors and warnings (warnings count, as they do in the build); empty when it compiles cleanly.</summary>
    public static IReadOnlyList<string> Problems(string code) => Compile(code).Problems;

    /// <summary>The compiled assembly's bytes; fails the test when the code does not compile cleanly.</summary>
    public static byte[] Emit(string code)
    {
        var (problems, image) = Compile(code);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        return image;
    }

    private static (IReadOnlyList<string> Problems, byte[] Image) Compile(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            // The generated types also exist in Upstash.Workflow.dll (same namespace): the source's win, as intended here.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS0436"] = ReportDiagnostic.Suppress });
        // The assembly name the library lets see its internals, as the library's own generated code does.
        var compilation = CSharpCompilation.Create("Upstash.Workflow.GeneratedCodeCheck", [tree], References.Value, options);
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        var problems = result.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        return (problems, output.ToArray());
    }
}
