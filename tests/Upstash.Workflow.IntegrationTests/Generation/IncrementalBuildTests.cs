using System.Diagnostics;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Generation;

/// <summary>
/// The MSBuild step on a copy of the repository: the first build generates, a second with nothing
/// changed skips generation, touching the overlay generates again, and clean removes the output.
/// </summary>
public sealed class IncrementalBuildTests
{
    private const string Generating = "UpstashGen: generating";
    private const string Skipping = "Skipping target \"UpstashGenGenerate\" because all output files are up-to-date";

    [Fact]
    public void Generation_runs_only_when_an_input_changed()
    {
        using var copy = new TempDirectory();
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(Repository.Root, file), copy.File(file));
        }
        foreach (var folder in new[] { "openapi", "generator", Path.Combine("src", "Upstash.Workflow") })
        {
            CopyTree(Path.Combine(Repository.Root, folder), Path.Combine(copy.Path, folder));
        }
        var project = Path.Combine(copy.Path, "src", "Upstash.Workflow", "Upstash.Workflow.csproj");

        var first = Build(project);
        Assert.Contains(Generating, first, StringComparison.Ordinal);

        var second = Build(project);
        Assert.DoesNotContain(Generating, second, StringComparison.Ordinal);
        Assert.Contains(Skipping, second, StringComparison.Ordinal);

        File.SetLastWriteTimeUtc(Path.Combine(copy.Path, "openapi", "overlay.yaml"), DateTime.UtcNow);
        Assert.Contains(Generating, Build(project), StringComparison.Ordinal);

        var generated = Directory.GetFiles(Path.Combine(copy.Path, "src", "Upstash.Workflow", "obj"), "Upstash.Workflow.g.cs", SearchOption.AllDirectories);
        Assert.Single(generated);
        Run("clean", project);
        Assert.False(File.Exists(generated[0]));
    }

    private static string Build(string project) => Run("build", project);

    private static string Run(string verb, string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { verb, project, "-v:n", "-nologo", "-p:UseSharedCompilation=false", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"dotnet {verb} did not finish");
        var log = output.Result + error.Result;
        Assert.True(process.ExitCode == 0, $"dotnet {verb} failed:\n{log}");
        return log;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
