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
/// Upstash.Workflow.AspNetCore.dll and Upstash.Workflow.Testing.dll, each in its own snapshot.
/// </summary>
public sealed class PublicApiSnapshotTests(Reporter reporter) : IClassFixture<Reporter>
{
    // The packages and their snapshots as the release tool lists them, so an update writes what this test reads.
    private static readonly Dictionary<string, Lazy<string>> Apis = Layout.Packages.ToDictionary(
        p => p.ApiSnapshot,
        p => new Lazy<string>(() => System.Reflection.Assembly.Load(p.Id).GeneratePublicApi(PublicApis.Options)));

    public static TheoryData<string> Snapshots => new(Apis.Keys);

    /// <summary>
    /// A difference says first what it does to users (additive or breaking, member by member), then
    /// shows the lines; the same verdict is printed when a difference is accepted with UPDATE_SNAPSHOTS=1.
    /// </summary>
    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Public_api_matches_its_snapshot(string snapshot)
    {
        var api = Apis[snapshot].Value;
        var verified = Snapshot.VerifiedPath(snapshot, "cs");
        Assert.Equal(new Layout(Repository.Root).ApiSnapshot(Layout.Packages.Single(p => p.ApiSnapshot == snapshot)), verified);
        var verdict = File.Exists(verified) ? ApiChanges.Describe(ApiChanges.Compare(File.ReadAllText(verified), api)) : null;
        try
        {
            Snapshot.Match(snapshot, api, "cs");
        }
        catch (XunitException e) when (verdict is not null)
        {
            throw new XunitException(verdict + "\n\n" + e.Message);
        }
        if (verdict is not null && !verdict.EndsWith("no change.", StringComparison.Ordinal))
        {
            reporter.Say($"Accepted into {snapshot}.verified.cs: " + verdict);
        }
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Public_api_has_no_placeholder_names(string snapshot) => Assert.Empty(Names.PlaceholdersIn(Apis[snapshot].Value));
}
