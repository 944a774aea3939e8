namespace Upstash.Workflow.Testing.Tests.Support;

/// <summary>Tests that set process environment variables: they run alone, as others read the same variables.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment variables";
}
