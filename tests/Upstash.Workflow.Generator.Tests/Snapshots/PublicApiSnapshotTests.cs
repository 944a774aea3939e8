using PublicApiGenerator;
using Upstash.Workflow.Generator.Spec;
using Upstash.Workflow.Generator.Tests.Generation;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation.Snapshots;
using Xunit.Sdk;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.Generator.Tests.Snapshots;

/// <summary>
/// The public surface of each package: Upstash.Workflow.dll (generated and handwritten parts together),
/// Upstash.Workflow.AspNetCore.dll and Upstash.Workflow.Testing.dll, each in its own snapshot, and the command line of
/// the upstash-workflow-emulator command.
/// </summary>
public sealed class PublicApiSnapshotTests(Reporter reporter) : IClassFixture<Reporter>
{
    // The packages and their snapshots as the release tool lists them, so an update writes what this test reads.
    private static readonly Dictionary<string, (ShippedPackage Package, Lazy<string> Api)> Apis = Layout.Packages.ToDictionary(
        p => p.ApiSnapshot,
        p => (p, new Lazy<string>(() => p.IsCommand
            ? CommandLines.UsageOf(Path.Combine(AppContext.BaseDirectory, p.Id + ".dll")).GetAwaiter().GetResult()
            : System.Reflection.Assembly.Load(p.Id).GeneratePublicApi(PublicApis.Options))));

    public static TheoryData<string> Snapshots => new(Apis.Keys);

    /// <summary>
    /// A difference says first what it does to users (additive or breaking, member by member), then
    /// shows the lines; the same verdict is printed when a difference is accepted with UPDATE_SNAPSHOTS=1.
    /// </summary>
    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Public_api_matches_its_snapshot(string snapshot)
    {
        var (package, listing) = Apis[snapshot];
        var api = listing.Value;
        var verified = Snapshot.VerifiedPath(snapshot, package.SnapshotExtension);
        Assert.Equal(new Layout(Repository.Root).ApiSnapshot(package), verified);
        var verdict = File.Exists(verified) ? ApiChanges.Describe(UpdateCommand.Compare(package, File.ReadAllText(verified), api)) : null;
        try
        {
            Snapshot.Match(snapshot, api, package.SnapshotExtension);
        }
        catch (XunitException e) when (verdict is not null)
        {
            throw new XunitException(verdict + "\n\n" + e.Message);
        }
        if (verdict is not null && !verdict.EndsWith("no change.", StringComparison.Ordinal))
        {
            reporter.Say($"Accepted into {snapshot}.verified.{package.SnapshotExtension}: " + verdict);
        }
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Public_api_has_no_placeholder_names(string snapshot) => Assert.Empty(Names.PlaceholdersIn(Apis[snapshot].Api.Value));
}
