using System.Diagnostics;
using System.Text;

namespace Upstash.Workflow.Release;

/// <summary>Runs the commands a maintainer would (the .NET SDK's build and pack, git), and keeps what they printed.</summary>
public static class Dotnet
{
    public sealed record Outcome(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>The lines that say what went wrong: errors, the last lines otherwise.</summary>
        public string Errors => string.Join("\n", Output.Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal)).Distinct().DefaultIfEmpty(string.Join("\n", Output.Split('\n').TakeLast(20))));
    }

    public static Task<Outcome> RunAsync(string workingDirectory, params string[] arguments) => RunProgramAsync("dotnet", workingDirectory, arguments);

    public static async Task<Outcome> RunProgramAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The SDK's build servers would outlive the command; nothing here gains from them.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);
        return new Outcome(process.ExitCode, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
