using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>A method that takes an options type, for its documentation: its group (<see cref="GroupPlan.Name"/>) and name.</summary>
public sealed record OptionsUse(string Group, string Method);

/// <summary>
/// An options type: its members, and the methods that take it. Every method that takes it takes every
/// member (<see cref="PlanBuilder"/> splits a type whose operations differ), so no member is ever refused.
/// </summary>
public sealed record OptionsTypePlan(string Name, IReadOnlyList<ValuePlan> Members, IReadOnlyList<OptionsUse> Uses)
{
    /// <summary>The internal method the client calls to write the members that are set into a request.</summary>
    public string Writer => "WriteTo";

    /// <summary>The method parameter's name: the type's last word ("RestartWorkflowOptions" → <c>options</c>).</summary>
    public string ParameterName => ParameterNameOf(Name);

    public static string ParameterNameOf(string type) => Names.Camel(Names.Words(type)[^1]);
}
