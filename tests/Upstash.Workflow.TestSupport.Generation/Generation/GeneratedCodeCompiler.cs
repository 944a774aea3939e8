using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.TestSupport.Generation;

/// <summary>
/// Compiles a generated client on its own against the library's handwritten part (Upstash.Workflow.dll),
/// with the System.Text.Json source generator the build runs: proof that a spec yields code that builds,
/// without building a project around it.
/// </summary>
public static class GeneratedCodeCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(UpstashWorkflowClient).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static readonly Lazy<ISourceGenerator[]> Generators = new(() =>
    {
        var reference = new AnalyzerFileReference(Toolchain.JsonSourceGenerator, new Loader());
        var failures = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => failures.Add(e.Message);
        ISourceGenerator[] generators = [.. reference.GetGenerators(LanguageNames.CSharp)];
        Assert.True(generators.Length > 0, $"no source generator in {Toolchain.JsonSourceGenerator}: {string.Join("; ", failures)}");
        return generators;
    });

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
        CSharpGeneratorDriver.Create(Generators.Value).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorProblems);
        compilation = (CSharpCompilation)generated;
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        var problems = result.Diagnostics.Concat(generatorProblems)
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        return (problems, output.ToArray());
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
