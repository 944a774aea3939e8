using Upstash.Workflow.TestSupport.Emulator;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

using static Upstash.Workflow.IntegrationTests.Support.StandaloneTool;

namespace Upstash.Workflow.IntegrationTests.Emulator;

/// <summary>
/// The emulator as a command (upstash-workflow-emulator) and inside a console program: what it prints, what it
/// serves, and that Ctrl+C (SIGINT) and SIGTERM stop it cleanly.
/// </summary>
public sealed class StandaloneEmulatorTests(Reporter reporter) : IClassFixture<Reporter>
{
    private static readonly string Tool = StandaloneTool.Dll;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task The_command_prints_what_the_sdks_read_serves_the_development_keys_and_stops_on_a_signal(string signal)
    {
        using var process = Start("dotnet", Tool, "--port", "0");
        var screen = await ReadUntilAsync(process, "Ctrl+C stops it.");
        var variables = Variables(screen);
        using var http = new HttpClient { BaseAddress = new Uri(variables["QSTASH_URL"] + "/") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", variables["QSTASH_TOKEN"]);

        var keys = await http.GetFromJsonAsync<Dictionary<string, string>>("v2/keys", TestContext.Token);
        await Processes.RunAsync("kill", Repository.Root, $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rest = await ReadToEndAsync(process);

        if (signal == "INT")
        {
            reporter.Say("Standalone emulator, first screen:\n" + screen.TrimEnd());
        }
        Assert.Equal(["QSTASH_URL", "QSTASH_TOKEN", "QSTASH_CURRENT_SIGNING_KEY", "QSTASH_NEXT_SIGNING_KEY"], variables.Keys);
        // The official SDKs' development credentials: what an application with QSTASH_DEV=true looks for.
        Assert.Equal("eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0=", variables["QSTASH_TOKEN"]);
        Assert.Equal(("sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r", "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs"), (keys!["current"], keys["next"]));
        Assert.Equal((0, "Stopped. 0 runs, 0 of them in flight."), (process.ExitCode, rest.Trim()));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_console_program_hosting_the_emulator_still_stops_on_a_signal(string signal)
    {
        using var dir = new TempDirectory();
        var testing = typeof(Upstash.Workflow.Testing.UpstashWorkflowEmulator).Assembly.Location;
        await File.WriteAllTextAsync(dir.File("Host.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <Reference Include="{testing}" />
                <Reference Include="{typeof(UpstashWorkflowClient).Assembly.Location}" />
                <Reference Include="{Path.Combine(AppContext.BaseDirectory, "Microsoft.Kiota.Abstractions.dll")}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(dir.File("Program.cs"), """
            await using var upstash = await Upstash.Workflow.Testing.UpstashWorkflowEmulator.StartAsync();
            Console.WriteLine($"ready on {upstash.BaseAddress}");
            await Task.Delay(Timeout.Infinite);
            """);
        var build = await Processes.RunAsync("dotnet", dir.Path, "build", "-o", "out", "-nologo", "-v", "q");
        Assert.True(build.ExitCode == 0, build.Output);

        using var process = Start("dotnet", dir.File(Path.Combine("out", "Host.dll")));
        await ReadUntilAsync(process, "ready on");
        var clock = Stopwatch.StartNew();
        await Processes.RunAsync("kill", dir.Path, $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The signal is the process's: the emulator's own host must not take it and leave the program running.
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), $"SIG{signal}: still running after {clock.Elapsed.TotalSeconds:0} s");
    }

    [Theory]
    [InlineData("variable")]
    [InlineData("file")]
    public async Task The_token_comes_from_a_variable_or_a_file_as_well_as_the_command_line(string from)
    {
        using var dir = new TempDirectory();
        const string Token = "eyJVc2VySUQiOiJ0ZWFtIiwiUGFzc3dvcmQiOiJzM2NyM3QifQ==";
        await File.WriteAllTextAsync(dir.File("token"), Token + "\n", TestContext.Token);
        using var process = from == "variable"
            ? Start(new Dictionary<string, string> { ["UPSTASH_WORKFLOW_EMULATOR_TOKEN"] = Token }, "dotnet", Tool, "--port", "0")
            : Start("dotnet", Tool, "--port", "0", "--token-file", dir.File("token"));
        var screen = await ReadUntilAsync(process, "Ctrl+C stops it.");
        await Processes.RunAsync("kill", Repository.Root, "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ReadToEndAsync(process);

        Assert.Contains($"QSTASH_TOKEN={Token}\n", screen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task It_prints_each_runs_life_as_it_happens_unless_quiet(bool quiet)
    {
        await using var down = await RecordingServer.StartAsync(RecordingServer.Json(500, """{"error":"down"}"""));
        using var process = quiet ? Start("dotnet", Tool, "--port", "0", "--quiet") : Start("dotnet", Tool, "--port", "0");
        var (client, _) = Client(await ReadUntilAsync(process, "Ctrl+C stops it."));
        using var _client = client;

        var run = await client.Runs.TriggerWorkflowAsync(new Uri(down.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 0 }, cancellationToken: TestContext.Token);
        await WaitUntilAsync(async () => (await client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token)).Messages.Count == 1);
        await Processes.RunAsync("kill", Repository.Root, "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lines = (await ReadToEndAsync(process)).Split('\n').Where(l => l.Contains(run.WorkflowRunId, StringComparison.Ordinal)).ToList();

        if (quiet)
        {
            Assert.Empty(lines);
            return;
        }
        reporter.Say("Standalone emulator, a run's life:\n" + string.Join('\n', lines));
        Assert.Collection(lines,
            l => Assert.EndsWith(": started", l, StringComparison.Ordinal),
            l => Assert.EndsWith(": answered 500", l, StringComparison.Ordinal),
            l => Assert.Contains("into the DLQ as", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SIGTERM_stops_it_within_a_second_or_so_whatever_its_runs_are_doing()
    {
        await using var silent = await RecordingServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        await using var failing = await RecordingServer.StartAsync(RecordingServer.Json(500, "{}"));
        using var process = Start("dotnet", Tool, "--port", "0", "--quiet");
        var (client, _) = Client(await ReadUntilAsync(process, "Ctrl+C stops it."));
        using var _client = client;
        // One delivery that is never answered (the delivery timeout is 15 minutes), and a retry loop at the floor of 100 ms.
        await client.Runs.TriggerWorkflowAsync(new Uri(silent.BaseAddress, "wf"), cancellationToken: TestContext.Token);
        await client.Runs.TriggerWorkflowAsync(new Uri(failing.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 20, RetryDelay = WorkflowRetryDelay.Fixed(TimeSpan.Zero) }, cancellationToken: TestContext.Token);
        await WaitUntilAsync(() => Task.FromResult(silent.Requests.Count == 1 && failing.Requests.Count >= 3));

        var clock = Stopwatch.StartNew();
        await Processes.RunAsync("kill", Repository.Root, "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rest = await ReadToEndAsync(process);
        var stopped = clock.Elapsed;

        reporter.Say($"Standalone emulator: SIGTERM with a delivery in flight to a silent endpoint and a retry loop, exited in {stopped.TotalMilliseconds:0} ms");
        Assert.Equal((0, "Stopped. 2 runs, 2 of them in flight."), (process.ExitCode, rest.Trim()));
    }

    /// <summary>A client of the emulator the command started, from the variables it printed.</summary>
    private static (UpstashWorkflowClient Client, Dictionary<string, string> Variables) Client(string screen)
    {
        var variables = Variables(screen);
        return (new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = new Uri(variables["QSTASH_URL"] + "/"), Token = variables["QSTASH_TOKEN"] }), variables);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            await Task.Delay(50, limit.Token);
        }
    }
}
