using System.Globalization;
using Microsoft.Extensions.Logging;
using Upstash.Workflow.Testing;

namespace Upstash.Workflow.Emulator;

/// <summary>
/// <c>upstash-workflow-emulator [--port 8080] [--token …]</c>: the emulator until Ctrl+C or SIGTERM. By default it
/// takes the development credentials the official SDKs use with <c>QSTASH_DEV=true</c> on port 8080, so such an
/// application finds it with no other setting. It says what happens to each run as it happens, one line each.
/// </summary>
internal static class Program
{
    /// <summary>Where the token comes from when neither <c>--token</c> nor <c>--token-file</c> gives it.</summary>
    internal const string TokenVariable = "UPSTASH_WORKFLOW_EMULATOR_TOKEN";

    /// <summary>The command line, one option a line: what <c>--help</c> prints, and the surface the release tool compares.</summary>
    internal const string Usage = """
        usage: upstash-workflow-emulator [options]

        The Upstash Workflow API on 127.0.0.1 until Ctrl+C or SIGTERM, for the tests and local runs of any language.
        It calls only endpoints on this machine, answers only requests to 127.0.0.1 or localhost at its port and from no
        other web page, and prints one line for each thing that happens to a run.

          --port <port>        The port to answer on: 8080 by default, 0 for any free one.
          --token <token>      The token callers must send. Without it: the file --token-file names, else the
                               variable UPSTASH_WORKFLOW_EMULATOR_TOKEN, else the official SDKs' development token.
          --token-file <path>  A file whose first line is the token (kept out of the process list and shell history).
          --quiet              Print the variables and warnings only, not each run's life.
          --help               This text.
        """;

    internal static async Task<int> Main(string[] args)
    {
        var options = new UpstashWorkflowEmulatorOptions
        {
            Port = UpstashDevelopmentServer.Port,
            CurrentSigningKey = UpstashDevelopmentServer.CurrentSigningKey,
            NextSigningKey = UpstashDevelopmentServer.NextSigningKey,
        };
        string? token = null, tokenFile = null;
        var quiet = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    options.Port = port;
                    i++;
                    break;
                case "--token" when i + 1 < args.Length && args[i + 1].Length > 0:
                    token = args[++i];
                    break;
                case "--token-file" when i + 1 < args.Length && args[i + 1].Length > 0:
                    tokenFile = args[++i];
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"upstash-workflow-emulator: '{args[i]}' is not an option or lacks its value.\n\n{Usage}");
                    return 2;
            }
        }
        try
        {
            options.Token = token
                ?? (tokenFile is not null ? ReadToken(tokenFile) : null)
                ?? (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } variable ? variable : UpstashDevelopmentServer.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"upstash-workflow-emulator: the token file '{tokenFile}' cannot be read: {e.Message}");
            return 2;
        }

        using var logging = LoggerFactory.Create(b => b
            .SetMinimumLevel(quiet ? LogLevel.Warning : LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(c => (c.SingleLine, c.TimestampFormat, c.UseUtcTimestamp) = (true, "HH:mm:ss.fff ", true)));
        options.LoggerFactory = logging;

        using var stop = new CancellationTokenSource();
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        void Stop(System.Runtime.InteropServices.PosixSignalContext context)
        {
            // Handled here: the emulator is stopped and disposed below, and the process ends with 0.
            context.Cancel = true;
            stop.Cancel();
        }

        var emulator = await UpstashWorkflowEmulator.StartAsync(options);
        var url = emulator.BaseAddress.AbsoluteUri.TrimEnd('/');
        Console.WriteLine($"""
            Upstash Workflow emulator on {url}. The official SDKs use it with these variables:

            {string.Join(Environment.NewLine, emulator.EnvironmentVariables.Select(v => $"{v.Key}={v.Value}"))}

            Dashboard: {url}/ (sign in with the token above)

            {(options.Token == UpstashDevelopmentServer.Token && emulator.BaseAddress.Port == UpstashDevelopmentServer.Port ? "These are the development credentials: an application with QSTASH_DEV=true finds it with no other setting.\n" : "")}Ctrl+C stops it.
            """);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        // Counted before the stop, which cancels what is in flight; the stop itself takes well under a second.
        var unfinished = emulator.RunIds.Count(id => emulator.RunState(id) == WorkflowRunState.RunStarted);
        var runs = emulator.RunIds.Count;
        await emulator.DisposeAsync();
        Console.WriteLine($"Stopped. {runs} runs, {unfinished} of them in flight.");
        return 0;
    }

    /// <summary>The token a file holds: its first line, trimmed.</summary>
    private static string ReadToken(string path) =>
        File.ReadLines(path).FirstOrDefault()?.Trim() is { Length: > 0 } line ? line : throw new InvalidDataException("its first line is empty");
}
