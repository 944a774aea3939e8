using System.Runtime.Loader;
using PublicApiGenerator;

namespace Upstash.Workflow.Release;

/// <summary>How a package's public API is listed: by the snapshot tests, and by an update from the assemblies it built.</summary>
public static class PublicApis
{
    public static ApiGeneratorOptions Options { get; } = new()
    {
        // The DI extensions live in Microsoft.Extensions.DependencyInjection, which the generator skips unless told.
        AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        ExcludeAttributes =
        [
            "System.CodeDom.Compiler.GeneratedCodeAttribute",
            "System.Runtime.Versioning.TargetFrameworkAttribute",
            "System.Reflection.AssemblyMetadataAttribute",
            "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
        ],
    };

    /// <summary>The public API of the assembly at <paramref name="path"/>, loaded apart and unloaded after.</summary>
    public static string Of(string path)
    {
        var context = new AssemblyLoadContext("public api of " + Path.GetFileName(path), isCollectible: true);
        try
        {
            // Its neighbours (the core package beside the others) resolve from the same folder.
            context.Resolving += (ctx, name) => File.Exists(Path.Combine(Path.GetDirectoryName(path)!, name.Name + ".dll"))
                ? ctx.LoadFromAssemblyPath(Path.Combine(Path.GetDirectoryName(path)!, name.Name + ".dll"))
                : null;
            return context.LoadFromAssemblyPath(Path.GetFullPath(path)).GeneratePublicApi(Options);
        }
        finally
        {
            context.Unload();
        }
    }
}
