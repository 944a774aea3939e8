using Upstash.Workflow.Release;
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
        // A suffix of the moment, as README's install lines make one.
        var suffix = $"check.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var version = $"{UpdateCommand.CurrentVersion(new Layout(Repository.Root))}-{suffix}";
        var feed = dir.File("feed");

        var pack = await Processes.RunAsync("dotnet", Repository.Root, "pack", "UpstashGen.sln", "-c", "Release", "-o", feed, $"-p:VersionSuffix={suffix}");
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.DoesNotContain(": warning ", pack.Output, StringComparison.Ordinal);
        var packages = Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                $"Upstash.Workflow.{version}.nupkg", $"Upstash.Workflow.{version}.snupkg",
                $"Upstash.Workflow.AspNetCore.{version}.nupkg", $"Upstash.Workflow.AspNetCore.{version}.snupkg",
                $"Upstash.Workflow.Emulator.{version}.nupkg", $"Upstash.Workflow.Emulator.{version}.snupkg",
                $"Upstash.Workflow.Testing.{version}.nupkg", $"Upstash.Workflow.Testing.{version}.snupkg",
            ],
            packages);
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
