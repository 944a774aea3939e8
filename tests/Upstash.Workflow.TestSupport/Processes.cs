using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace Upstash.Workflow.TestSupport;

/// <summary>Runs a program to its end (three minutes at most) and returns its exit code and everything it printed.</summary>
public static class Processes
{
    public static Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, params string[] arguments) =>
        RunAsync(program, workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>As <see cref="RunAsync(string, string, string[])"/>, with <paramref name="environment"/> set (a null value removes the variable).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(
            process.StandardOutput.ReadToEndAsync().ContinueWith(t => { lock (output) { output.Append(t.Result); } }, TaskScheduler.Default),
            process.StandardError.ReadToEndAsync().ContinueWith(t => { lock (output) { output.Append(t.Result); } }, TaskScheduler.Default));
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"{program} {string.Join(' ', arguments)} did not finish within 3 minutes:\n{output}");
        }
        await reading;
        return (process.ExitCode, output.ToString());
    }
}
