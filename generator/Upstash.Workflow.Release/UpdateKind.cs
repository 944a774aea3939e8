namespace Upstash.Workflow.Release;

/// <summary>What an update of the spec is for users, and the exit code the update command ends with for it.</summary>
public enum UpdateKind
{
    /// <summary>Nothing users can see: the same file, or one that gives the same effective spec. Exit 0.</summary>
    None = 0,

    /// <summary>The same public API, but the wire differs (a status code, an enum value, a bound, a description). Exit 10.</summary>
    Wire = 10,

    /// <summary>Public members added, none changed or removed. Exit 11.</summary>
    Additive = 11,

    /// <summary>A public member changed or removed, or added to an interface users implement. Exit 12.</summary>
    Breaking = 12,

    /// <summary>The build cannot proceed without a person (an error finding, a failed build, checks that disagree). Exit 20.</summary>
    Refused = 20,
}

/// <summary>
/// The version an update deserves (SemVer 2.0.0). While the major version is 0, the minor one plays its part:
/// a breaking change makes 0.(y+1).0, anything else users can see 0.y.(z+1). From 1.0.0 on: breaking → major,
/// additive → minor, wire → patch. Nothing visible, or a refusal, keeps the version.
/// </summary>
public static class VersionRule
{
    public static string Next(string current, UpdateKind kind)
    {
        var parts = current.Split('.').Select(int.Parse).ToArray();
        var (major, minor, patch) = (parts[0], parts[1], parts[2]);
        return (kind, major) switch
        {
            (UpdateKind.Breaking, 0) => $"0.{minor + 1}.0",
            (UpdateKind.Additive or UpdateKind.Wire, 0) => $"0.{minor}.{patch + 1}",
            (UpdateKind.Breaking, _) => $"{major + 1}.0.0",
            (UpdateKind.Additive, _) => $"{major}.{minor + 1}.0",
            (UpdateKind.Wire, _) => $"{major}.{minor}.{patch + 1}",
            _ => current,
        };
    }
}
