using Upstash.Workflow.Release;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Packaging;

/// <summary>
/// What a user does, as README's install lines say it, run as they are written (in a home of their own, with the folder
/// feed they make): pack in the repository, add each package from that folder in a new console project, build it with
/// warnings as errors, and run a call. The version is new on every run, so no copy in the NuGet cache from an earlier
/// run can stand in for the package just packed.
/// </summary>
[Collection(ReleaseBuilds.Name)]
public sealed class PackageInstallTests(Reporter reporter) : IClassFixture<Reporter>
{
    [Fact]
    public async Task Packed_packages_install_into_a_new_project_and_call_the_emulator()
    {
        using var dir = new TempDirectory();
        var home = Directory.CreateDirectory(dir.File("home")).FullName;
        var app = Directory.CreateDirectory(dir.File("app")).FullName;
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);

        // README's lines, one script, with the user's project folder for its placeholder; the packages the repository's
        // restore already holds come from the NuGet cache, as on the machine that just built the clone.
        var install = Markdown.CodeBlocks(Markdown.Read("README.md")).First(b => b.Code.Contains("dotnet pack UpstashGen.Packages.slnf", StringComparison.Ordinal)).Code;
        Assert.Contains("cd <your project>", install, StringComparison.Ordinal);
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var (code, output) = await Processes.RunAsync("bash", Repository.Root, environment, "-euo", "pipefail", "-c", install.Replace("cd <your project>", $"cd '{app}'", StringComparison.Ordinal));
        Assert.True(code == 0, output);
        Assert.DoesNotContain(": warning ", output, StringComparison.Ordinal);

        var feed = Path.Combine(home, "upstash-feed");
        var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "Upstash.Workflow.Testing.*.nupkg").Single())["Upstash.Workflow.Testing.".Length..];
        Assert.StartsWith($"{UpdateCommand.CurrentVersion(new Layout(Repository.Root))}-local.", version, StringComparison.Ordinal);
        var packages = Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                $"Upstash.Workflow.{version}.nupkg", $"Upstash.Workflow.{version}.snupkg",
                $"Upstash.Workflow.AspNetCore.{version}.nupkg", $"Upstash.Workflow.AspNetCore.{version}.snupkg",
                $"Upstash.Workflow.Emulator.{version}.nupkg", $"Upstash.Workflow.Emulator.{version}.snupkg",
                $"Upstash.Workflow.Testing.{version}.nupkg", $"Upstash.Workflow.Testing.{version}.snupkg",
            ],
            packages);
        // Each package added at the version in the folder, and the folder kept as a source for later restores.
        var project = File.ReadAllText(Path.Combine(app, "App.csproj"));
        foreach (var id in new[] { "Upstash.Workflow", "Upstash.Workflow.Testing", "Upstash.Workflow.AspNetCore" })
        {
            Assert.Contains($"<PackageReference Include=\"{id}\" Version=\"{version}\" />", project, StringComparison.Ordinal);
        }
        Assert.Contains("upstash-local", File.ReadAllText(Path.Combine(home, ".nuget", "NuGet", "NuGet.Config")), StringComparison.Ordinal);
        // Each package declares the MIT license (as LICENSE says) and carries the README made for it, not a second text.
        foreach (var (id, readme) in new[] { ("Upstash.Workflow", "README.md"), ("Upstash.Workflow.AspNetCore", "docs/receiving.md"), ("Upstash.Workflow.Testing", "docs/testing.md"), ("Upstash.Workflow.Emulator", "docs/testing.md") })
        {
            using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
            var nuspec = System.Xml.Linq.XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
            using var packed = new StreamReader(package.GetEntry("README.md")!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, readme)), packed.ReadToEnd());

            // The spec it came from: the files under openapi/ are the committed ones, and the lock names them.
            string Sha(string entry)
            {
                using var stream = package.GetEntry($"openapi/{entry}")!.Open();
                return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
            }
            using var lockFile = new StreamReader(package.GetEntry("openapi/openapi.lock.json")!.Open());
            var spec = Newtonsoft.Json.Linq.JObject.Parse(lockFile.ReadToEnd());
            Assert.Equal(((string?)spec["upstreamSha256"], (string?)spec["effectiveSha256"]), (Sha("openapi.yaml"), Sha("openapi.effective.json")));
            Assert.Equal(SpecSource.Sha256(Path.Combine(Repository.Root, "openapi", "openapi.yaml")), Sha("openapi.yaml"));
            Assert.Equal(SpecSource.Sha256(Path.Combine(Repository.Root, "openapi", "overlay.yaml")), Sha("overlay.yaml"));
        }
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(Repository.Root, "LICENSE")), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Upstash.Workflow;
            using Upstash.Workflow.Testing;

            await using var upstash = await UpstashWorkflowEmulator.StartAsync();
            upstash.AddFailedRun("https://shop.example/api/nightly", labels: ["nightly"]);
            using var client = upstash.CreateClient();

            var page = await client.Dlq.ListFailedRunsAsync(filter: new FailedRunFilter { Labels = ["nightly"] });
            var run = await client.Dlq.RestartWorkflowAsync(page.Messages[0].DlqId, new RestartWorkflowOptions { Delay = TimeSpan.FromSeconds(10) });
            Console.WriteLine($"failed runs: {page.Messages.Count}; restarted as {run.WorkflowRunId}");
            """);

        var run = await Processes.RunAsync("dotnet", app, environment, "run");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"failed runs: 1; restarted as wfr_\S+", run.Output);
        reporter.Say($"Packages: {string.Join(", ", packages)} installed by README's lines from a folder feed into a new project, which printed \"{run.Output.Trim().Split('\n')[^1]}\".");

        await A_typescript_app_with_QSTASH_DEV_adopts_the_tool_installed_as_the_docs_say(dir, environment);
    }

    /// <summary>
    /// The tool installed as docs/testing.md says (a tool manifest in the user's repository, from the feed README's lines
    /// made), started with no argument, is the development server a TypeScript app with QSTASH_DEV=true looks for on port
    /// 8080: the app's SDK adopts it (no download, no other variable), and a run triggered from .NET goes through every
    /// step, each delivery signed with the development keys and verified.
    /// </summary>
    private async Task A_typescript_app_with_QSTASH_DEV_adopts_the_tool_installed_as_the_docs_say(TempDirectory dir, Dictionary<string, string?> environment)
    {
        var repository = Directory.CreateDirectory(dir.File("repository")).FullName;
        var block = Markdown.CodeBlocks(Markdown.Read("docs/testing.md")).First(b => b.Code.Contains("dotnet new tool-manifest", StringComparison.Ordinal)).Code;
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["cd <your repository>", "dotnet tool run upstash-workflow-emulator"], new[] { lines[0], lines[^1] });
        var install = string.Join('\n', lines[..^1]).Replace("cd <your repository>", $"cd '{repository}'", StringComparison.Ordinal);
        var installed = await Processes.RunAsync("bash", repository, environment, "-euo", "pipefail", "-c", install);
        Assert.True(installed.ExitCode == 0, installed.Output);
        if (WorkflowApp.Unavailable() is { } why)
        {
            reporter.Say("QSTASH_DEV adoption not tried: " + why);
            return;
        }
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in lines[^1].Split(' ')[1..])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var tool = System.Diagnostics.Process.Start(start)!;
        var screen = new System.Text.StringBuilder();
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!screen.ToString().Contains("Ctrl+C stops it.", StringComparison.Ordinal))
            {
                screen.AppendLine(await tool.StandardOutput.ReadLineAsync(limit.Token) ?? throw new InvalidOperationException("the tool ended:\n" + screen + await tool.StandardError.ReadToEndAsync()));
            }
        }
        try
        {
            await using var app = await WorkflowApp.StartAsync(new Dictionary<string, string> { ["QSTASH_DEV"] = "true" });
            using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions
            {
                BaseAddress = new Uri("http://127.0.0.1:8080/"),
                Token = "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0=",
            });
            var run = await client.Runs.TriggerWorkflowAsync(app.Workflow("steps"), WorkflowPayload.RawJson("""{"n":1}"""), cancellationToken: TestContext.Token);
            var ended = await Engine.Runs.EndedAsync(client, run.WorkflowRunId, WorkflowRunState.RunSuccess, app);

            Assert.Equal("""{"a":2,"b":4,"c":"2-4"}""", ended.WorkflowRunResponse);
            Assert.Equal((1, 1, 1), (await app.CountAsync("steps:first"), await app.CountAsync("steps:second"), await app.CountAsync("steps:third")));
            Assert.DoesNotContain("Downloading", app.Log, StringComparison.OrdinalIgnoreCase);
            reporter.Say($"QSTASH_DEV: the installed upstash-workflow-emulator on :8080 was adopted by @upstash/workflow with QSTASH_DEV=true alone; run {run.WorkflowRunId} ended {ended.WorkflowState} with {ended.WorkflowRunResponse}.");
        }
        finally
        {
            // `dotnet tool run` runs the tool as its child and leaves Ctrl+C to it: a terminal sends it to both.
            foreach (var process in Children(tool.Id).Append(tool.Id))
            {
                await Processes.RunAsync("kill", dir.Path, "-INT", process.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await tool.WaitForExitAsync(limit.Token);
        }
        var rest = await tool.StandardOutput.ReadToEndAsync();
        Assert.Contains("Stopped. 1 runs, 0 of them in flight.", rest, StringComparison.Ordinal);
        Assert.Contains(": started", rest, StringComparison.Ordinal); // the run's life, one line each, as it happened
    }

    /// <summary>The processes <paramref name="parent"/> started, from /proc (the fourth field of each one's stat is its parent).</summary>
    private static IEnumerable<int> Children(int parent) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsDigit)).Select(name =>
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{name}/stat");
                return (Id: int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture), Parent: int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return (Id: 0, Parent: 0); // it ended meanwhile
            }
        }).Where(p => p.Parent == parent).Select(p => p.Id).ToList();
}
