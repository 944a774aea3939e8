using PublicApiGenerator;
using Upstash.Workflow.Generator.Spec;
using Upstash.Workflow.Tests.Generation;
using Upstash.Workflow.Tests.Support;
using Upstash.Workflow.Tests.Support.Snapshots;
using Xunit.Sdk;

namespace Upstash.Workflow.Tests.Snapshots;

/// <summary>The public surface of Upstash.Workflow.dll, generated and handwritten parts together.</summary>
public sealed class PublicApiSnapshotTests(Reporter reporter) : IClassFixture<Reporter>
{
    private static readonly string Api = typeof(DlqClient).Assembly.GeneratePublicApi(GeneratedApi.Options);

    /// <summary>
    /// A difference says first what it does to users (additive or breaking, member by member), then
    /// shows the lines; the same verdict is printed when a difference is accepted with UPDATE_SNAPSHOTS=1.
    /// </summary>
    [Fact]
    public void Public_api_matches_its_snapshot()
    {
        var verified = Path.Combine(Repository.Root, "tests", "Upstash.Workflow.Tests", "Snapshots", "PublicApi.verified.cs");
        var verdict = File.Exists(verified) ? ApiChanges.Describe(ApiChanges.Compare(File.ReadAllText(verified), Api)) : null;
        try
        {
            Snapshot.Match("PublicApi", Api, "cs");
        }
        catch (XunitException e) when (verdict is not null)
        {
            throw new XunitException(verdict + "\n\n" + e.Message);
        }
        if (verdict is not null && !verdict.EndsWith("no change.", StringComparison.Ordinal))
        {
            reporter.Say("Accepted into PublicApi.verified.cs: " + verdict);
        }
    }

    [Fact]
    public void Public_api_has_no_placeholder_names() => Assert.Empty(Names.PlaceholdersIn(Api));
}
