using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.IntegrationTests.Generation.Drift;

/// <summary>What a change to upstream's spec should do to the build.</summary>
public enum DriftOutcome
{
    /// <summary>Generates and compiles with no warning.</summary>
    BuildsClean,

    /// <summary>Generates and compiles, with the named warning (and possibly others).</summary>
    BuildsWithWarning,

    /// <summary>Stops before any code is written, with the named error and an overlay action that fixes it.</summary>
    RefusedWithFix,
}

/// <summary>
/// One kind of change upstream might make to its spec, applied to a copy of ours: the edit, the
/// outcome expected with the project's overlay, and what the generated client must then show.
/// </summary>
/// <param name="Kind">The change, as a reviewer would name it.</param>
/// <param name="Edit">Edits the spec's tree in place.</param>
/// <param name="Outcome">The expected outcome.</param>
/// <param name="Code">The finding expected for a warning or a refusal.</param>
/// <param name="Shows">Text the generated client must contain (null: nothing in particular).</param>
/// <param name="Lacks">Text the generated client must not contain.</param>
/// <param name="Reaches">"Group.MethodAsync": a method the compiled client must offer through that property of UpstashWorkflowClient.</param>
public sealed record DriftCase(string Kind, Action<JObject> Edit, DriftOutcome Outcome, string? Code = null, string? Shows = null, string? Lacks = null, string? Reaches = null)
{
    public override string ToString() => Kind;
}
