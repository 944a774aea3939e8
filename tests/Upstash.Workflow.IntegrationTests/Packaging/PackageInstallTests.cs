using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Packaging;

/// <summary>
/// What a user does: pack, add the packages to a new console project from a folder feed, build it with
/// warnings as errors, and run a call. The version is new on every run, so no copy in the NuGet cache
/// from an earlier run can stand in for the package just packed.
/// </summary>
[Collection(ReleaseBuilds.Name)]
public sealed class PackageInstallTests(Reporter reporter) : IClassFixture<Reporter>
{
    [Fact]
    public async Task Packed_packages_install_into_a_new_project_and_call_the_emulator()
    {
        using var dir = new TempDirectory();
        var version = $"0.1.0-check.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = dir.File("feed");

        var pack = await Processes.RunAsync("dotnet", Repository.Root, "pack", "UpstashGen.sln", "-c", "Release", "-o", feed, $"-p:Version={version}");
        Assert.True(pack.ExitCode == 0, pack.Output);
        var packages = Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                $"Upstash.Workflow.{version}.nupkg", $"Upstash.Workflow.{version}.snupkg",
                $"Upstash.Workflow.AspNetCore.{version}.nupkg", $"Upstash.Workflow.AspNetCore.{version}.snupkg",
                $"Upstash.Workflow.Testing.{version}.nupkg", $"Upstash.Workflow.Testing.{version}.snupkg",
            ],
            packages);
        // Each package declares the MIT license (as LICENSE says) and carries the README made for it, not a second text.
        foreach (var (id, readme) in new[] { ("Upstash.Workflow", "README.md"), ("Upstash.Workflow.AspNetCore", "docs/receiving.md"), ("Upstash.Workflow.Testing", "docs/testing.md") })
        {
            using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
            var nuspec = System.Xml.Linq.XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
            using var packed = new StreamReader(package.GetEntry("README.md")!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, readme)), packed.ReadToEnd());
        }
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(Repository.Root, "LICENSE")), StringComparison.Ordinal);

        var app = Directory.CreateDirectory(dir.File("app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Upstash.Workflow" Version="{version}" />
                <PackageReference Include="Upstash.Workflow.Testing" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
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

        var run = await Processes.RunAsync("dotnet", app, "run");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"failed runs: 1; restarted as wfr_\S+", run.Output);
        reporter.Say($"Packages: {string.Join(", ", packages)} installed from a folder feed into a new project, which printed \"{run.Output.Trim().Split('\n')[^1]}\".");
    }
}
