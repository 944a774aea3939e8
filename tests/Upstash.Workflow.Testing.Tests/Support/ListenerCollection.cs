namespace Upstash.Workflow.Testing.Tests.Support;

/// <summary>
/// Tests whose verdict rests on which activities get recorded: listeners are process-wide, so another test's
/// listener (or its sampled request) would change what these see. They run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ListenerCollection
{
    public const string Name = "Process-wide activity listeners";
}
