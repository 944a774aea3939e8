using System.Runtime.Loader;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PublicApiGenerator;

namespace Upstash.Workflow.TestSupport.Generation;

/// <summary>The public API of the client a spec generates, listed as the public API snapshot lists it.</summary>
public static class GeneratedApi
{
    /// <summary>Generates (with the project's overlay) and compiles the client of <paramref name="spec"/>, and lists its public API.</summary>
    public static string Of(JObject spec)
    {
        using var run = new GeneratorRun(spec.ToString(Formatting.Indented));
        Assert.False(run.Result.HasErrors, run.Findings);
        // PublicApiGenerator reads the assembly's file, so it is written out first.
        var file = Path.Combine(run.Scratch, "Upstash.Workflow.GeneratedCodeCheck.dll");
        File.WriteAllBytes(file, GeneratedCodeCompiler.Emit(run.ClientCode));
        var context = new AssemblyLoadContext("generated client", isCollectible: true);
        try
        {
            return context.LoadFromAssemblyPath(file).GeneratePublicApi(Upstash.Workflow.Release.PublicApis.Options);
        }
        finally
        {
            context.Unload();
        }
    }
}
