namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>How a value becomes wire text; the same wherever it is sent.</summary>
public enum WireEncoding { Text, Number, Boolean, Enum, UnixMilliseconds, UnixSeconds, DateTimeText, DateText, DurationText, DurationSeconds, Url, HeaderFamily, Parts }

/// <summary>Where a value is sent: a path segment, a header or a query parameter by wire name (a part of a composite member names the property it reads).</summary>
public sealed record WirePlan(string In, string WireName, string? Part);

/// <summary>
/// A value a call sends, a method parameter or a member of an options type: its C# name and type (<see cref="CSharpTypes"/>
/// decides it), how it becomes wire text, and where it goes.
/// </summary>
public sealed record ValuePlan(string Name, string Type, WireEncoding Encoding, bool IsList, string Description, long? Minimum, long? Maximum, IReadOnlyList<WirePlan> Wires)
{
    /// <summary>The value's C# type as declared on the property (nullable: every member is optional).</summary>
    public string PropertyType => IsList ? $"System.Collections.Generic.IReadOnlyList<{Type}>?" : $"{Type}?";

    /// <summary>What its value is, for findings: "a list of string (Text)".</summary>
    public string Shape => $"{(IsList ? "a list of " : "")}{Type} ({Encoding})";

    /// <summary>Whether its C# type is a reference type (text, a URL, a list or a map), which a required parameter refuses as null.</summary>
    public bool IsReference => IsList || Encoding is WireEncoding.Text or WireEncoding.Url or WireEncoding.HeaderFamily;

    public override string ToString() => $"{Name}: {Shape} as {string.Join(", ", Wires.Select(w => $"{w.In} {w.WireName}"))}";
}
