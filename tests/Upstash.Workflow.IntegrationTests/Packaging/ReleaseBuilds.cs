namespace Upstash.Workflow.IntegrationTests.Packaging;

/// <summary>
/// Tests that build the solution's projects in Release (pack, native publish) run one after another:
/// two builds of one project into the same folders at once would trip over each other's files.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReleaseBuilds
{
    public const string Name = "Release builds";
}
