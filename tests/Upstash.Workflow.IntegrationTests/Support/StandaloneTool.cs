using System.Diagnostics;
using System.Text;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Support;

/// <summary>
/// The command upstash-workflow-emulator as this build made it: started as a process, its first screen read, its
/// variables (what the official SDKs read) taken from that screen.
/// </summary>
public static class StandaloneTool
{
    /// <summary>Where this build put the command: the same configuration as the tests.</summary>
    public static readonly string Dll = System.IO.Path.Combine(Repository.Root, "src", "Upstash.Workflow.Emulator", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Upstash.Workflow.Emulator.dll");

    /// <summary>The line that ends the first screen.</summary>
    public const string Ready = "Ctrl+C stops it.";

    public static Process Start(string program, params string[] arguments) => Start(new Dictionary<string, string>(), program, arguments);

    public static Process Start(Dictionary<string, string> environment, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("UPSTASH_WORKFLOW_EMULATOR_TOKEN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>What the process printed up to the line holding <paramref name="marker"/>.</summary>
    public static async Task<string> ReadUntilAsync(Process process, string marker)
    {
        var text = new StringBuilder();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var line = await process.StandardOutput.ReadLineAsync(limit.Token) ?? throw new InvalidOperationException("It ended first:\n" + text + await process.StandardError.ReadToEndAsync());
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The rest of what the process prints, once it has exited.</summary>
    public static async Task<string> ReadToEndAsync(Process process)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var rest = await process.StandardOutput.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return rest;
    }

    /// <summary>The QSTASH_ variables of a first screen, in their order.</summary>
    public static Dictionary<string, string> Variables(string screen) =>
        screen.Split('\n').Where(l => l.StartsWith("QSTASH_", StringComparison.Ordinal)).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());

    /// <summary>Sends a signal (INT, TERM) to the process.</summary>
    public static Task SignalAsync(Process process, string signal) =>
        Processes.RunAsync("kill", Repository.Root, $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
