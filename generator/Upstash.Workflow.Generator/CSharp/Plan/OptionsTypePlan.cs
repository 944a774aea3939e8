using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>How one member's value becomes wire text; the same for every operation that sends it.</summary>
public enum OptionsEncoding { Text, Number, Boolean, Enum, UnixMilliseconds, UnixSeconds, DateTimeText, DateText, DurationText, DurationSeconds, Url, HeaderFamily, Parts }

/// <summary>Where a member is sent: a header or a query parameter by wire name (a part of a composite member names the property it reads).</summary>
public sealed record OptionsWire(string In, string WireName, string? Part);

/// <summary>One member of an options type: its C# name and type, how its value is written, and where.</summary>
public sealed record OptionsMember(string Name, string Type, OptionsEncoding Encoding, bool IsList, string Description, long? Minimum, long? Maximum, IReadOnlyList<OptionsWire> Wires)
{
    /// <summary>The value's C# type as declared on the property (nullable: every member is optional).</summary>
    public string PropertyType => IsList ? $"System.Collections.Generic.IReadOnlyList<{Type}>?" : $"{Type}?";

    /// <summary>What its value is, for findings: "a list of string (Text)".</summary>
    public string Shape => $"{(IsList ? "a list of " : "")}{Type} ({Encoding})";

    public override string ToString() => $"{Name}: {Shape} as {string.Join(", ", Wires.Select(w => $"{w.In} {w.WireName}"))}";
}

/// <summary>A method that takes an options type, for its documentation: its group (<see cref="GroupPlan.Name"/>) and name.</summary>
public sealed record OptionsUse(string Group, string Method);

/// <summary>
/// An options type: its members, and the methods that take it. Every method that takes it takes every
/// member (<see cref="PlanBuilder"/> splits a type whose operations differ), so no member is ever refused.
/// </summary>
public sealed record OptionsTypePlan(string Name, IReadOnlyList<OptionsMember> Members, IReadOnlyList<OptionsUse> Uses)
{
    /// <summary>The internal method the client calls to write the members that are set into a request.</summary>
    public string Writer => "WriteTo";

    /// <summary>The method parameter's name: the type's last word ("RestartWorkflowOptions" → <c>options</c>).</summary>
    public string ParameterName => ParameterNameOf(Name);

    public static string ParameterNameOf(string type) => Names.Camel(Names.Words(type)[^1]);
}
