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
    /// <summary>
    /// The version of what is pending after <paramref name="released"/> when it gains a change of <paramref name="kind"/>:
    /// the rule applied from the release, once, with the largest kind since (<paramref name="pending"/> says what is
    /// already merged and unreleased), so two updates between releases make one step, not two. Before the first release
    /// (<paramref name="released"/> null) the version is what the project says.
    /// </summary>
    public static string Pending(string? released, string pending, UpdateKind kind)
    {
        if (released is null || kind is UpdateKind.Refused)
        {
            return pending;
        }
        var since = Between(released, pending);
        return Next(released, (UpdateKind)Math.Max((int)since, (int)kind));
    }

    /// <summary>The kind of change that leads from <paramref name="released"/> to <paramref name="pending"/>, read back from the two versions.</summary>
    public static UpdateKind Between(string released, string pending)
    {
        var (was, now) = (Parts(released), Parts(pending));
        if (Compare(pending, released) <= 0)
        {
            return UpdateKind.None;
        }
        return (was[0], now[0] > was[0], now[1] > was[1]) switch
        {
            (_, true, _) => UpdateKind.Breaking,
            (0, false, true) => UpdateKind.Breaking,
            (0, false, false) => UpdateKind.Additive,
            (_, false, true) => UpdateKind.Additive,
            _ => UpdateKind.Wire,
        };
    }

    /// <summary>Orders two versions (X.Y.Z) by their numbers.</summary>
    public static int Compare(string a, string b)
    {
        var (x, y) = (Parts(a), Parts(b));
        return x[0] != y[0] ? x[0].CompareTo(y[0]) : x[1] != y[1] ? x[1].CompareTo(y[1]) : x[2].CompareTo(y[2]);
    }

    /// <summary>Major, minor and patch.</summary>
    public static int[] Parts(string version) => version.Split('.').Select(int.Parse).ToArray();

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
