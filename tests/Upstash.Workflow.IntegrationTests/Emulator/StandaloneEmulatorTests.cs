using Upstash.Workflow.TestSupport.Emulator;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Emulator;

/// <summary>
/// The emulator as a command (upstash-workflow-emulator) and inside a console program: what it prints, what it
/// serves, and that Ctrl+C (SIGINT) and SIGTERM stop it cleanly.
/// </summary>
public sealed class StandaloneEmulatorTests(Reporter reporter) : IClassFixture<Reporter>
{
    // Where this build put the command: the same configuration as the tests.
    private static readonly string Tool = Path.Combine(Repository.Root, "src", "Upstash.Workflow.Emulator", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Upstash.Workflow.Emulator.dll");

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task The_command_prints_what_the_sdks_read_serves_the_development_keys_and_stops_on_a_signal(string signal)
    {
        using var process = Start("dotnet", Tool, "--port", "0");
        var screen = await ReadUntilAsync(process, "Ctrl+C stops it.");
        var variables = screen.Split('\n').Where(l => l.StartsWith("QSTASH_", StringComparison.Ordinal)).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
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

    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }

    private static async Task<string> ReadUntilAsync(Process process, string marker)
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

    private static async Task<string> ReadToEndAsync(Process process)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var rest = await process.StandardOutput.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return rest;
    }
}
