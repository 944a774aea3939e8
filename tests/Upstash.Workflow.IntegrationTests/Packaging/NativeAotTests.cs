using System.Diagnostics;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Packaging;

/// <summary>
/// The library compiled ahead of time: samples/NativeAot is published as one native executable (warnings
/// are errors, so a trim or AOT warning fails the publish) and run; its three calls must come back
/// as a real server answered them.
/// </summary>
[Collection(ReleaseBuilds.Name)]
public sealed class NativeAotTests(Reporter reporter) : IClassFixture<Reporter>
{
    [Fact]
    public async Task The_native_sample_publishes_without_warnings_and_runs()
    {
        using var dir = new TempDirectory();
        var output = dir.File("native");
        var clock = Stopwatch.StartNew();
        var publish = await Processes.RunAsync("dotnet", Repository.Root, "publish", "samples/NativeAot/NativeAot.csproj", "-c", "Release", "-r", "linux-x64", "-o", output);
        clock.Stop();
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(@"warning (IL|CS)\d{4}", publish.Output);

        var executable = Path.Combine(output, "NativeAot");
        Assert.True(File.Exists(executable), $"no native executable in {output}: {string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName))}");
        Assert.False(File.Exists(Path.Combine(output, "NativeAot.dll")), "the publish produced IL, not native code");
        var run = await Processes.RunAsync(executable, output);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("listed 1 failed run(s): 1725323658779-0, created 2024-09-03T00:34:18.7790000+00:00", run.Output, StringComparison.Ordinal);
        Assert.Contains("restarted as wfr_native (sent 1m delay, label retried)", run.Output, StringComparison.Ordinal);
        Assert.Contains("""triggered wfr_native with body {"orderId":42,"currency":"EUR"}""", run.Output, StringComparison.Ordinal);

        var megabytes = new FileInfo(executable).Length / 1024.0 / 1024.0;
        reporter.Say($"Native AOT: samples/NativeAot published in {clock.Elapsed.TotalSeconds:F0} s with no warning, a {megabytes:F1} MB executable, which printed:\n{run.Output.TrimEnd()}");
    }
}
