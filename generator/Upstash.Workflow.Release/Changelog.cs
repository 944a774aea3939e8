using System.Text;
using System.Text.RegularExpressions;

namespace Upstash.Workflow.Release;

/// <summary>
/// CHANGELOG.md as Keep a Changelog 1.1.0 writes it: one section per version, newest first, with the spec it came
/// from; Removed, Changed and Added, breaking changes marked and first; one bullet per public member.
/// </summary>
public static partial class Changelog
{
    public const string Title = "# Changelog";

    /// <summary>The section of one version: its heading, the spec line, and the bullets.</summary>
    public static string Entry(string version, string date, SpecLock spec, IReadOnlyList<ApiChange> api, IReadOnlyList<WireChange> wire)
    {
        var text = new StringBuilder($"## [{version}] - {date}\n\n");
        text.Append($"Generated from {spec.Source} (SHA-256 `{spec.UpstreamSha256}`).\n");
        var removed = api.Where(c => c.Kind == ApiChangeKind.Removed).ToList();
        var changed = api.Where(c => c.Kind is ApiChangeKind.Changed or ApiChangeKind.AttributesChanged or ApiChangeKind.AddedToImplement).OrderByDescending(c => c.Breaking).ToList();
        var added = api.Where(c => c.Kind == ApiChangeKind.Added).ToList();
        Section(text, "Removed", removed.Select(c => Bullet(c, wire)));
        Section(text, "Changed", changed.Select(c => Bullet(c, wire)).Concat(Wire(wire, api)));
        Section(text, "Added", added.Select(c => Bullet(c, wire)));
        return text.ToString();
    }

    /// <summary>The changelog with <paramref name="entry"/> as its newest section.</summary>
    public static string Prepend(string? changelog, string entry)
    {
        changelog ??= $"{Title}\n\nEvery release of the packages, newest first. Versions follow SemVer; docs/maintaining/upstream.md says what each part means here.\n";
        var first = VersionHeading().Match(changelog);
        return first.Success
            ? changelog[..first.Index] + entry + "\n" + changelog[first.Index..]
            : changelog.TrimEnd('\n') + "\n\n" + entry;
    }

    /// <summary>The section of <paramref name="version"/> without its heading, or null when there is none.</summary>
    public static string? Section(string changelog, string version)
    {
        var headings = VersionHeading().Matches(changelog).ToList();
        var at = headings.FindIndex(m => m.Groups["version"].Value == version);
        if (at < 0)
        {
            return null;
        }
        var start = headings[at].Index + headings[at].Length;
        var end = at + 1 < headings.Count ? headings[at + 1].Index : changelog.Length;
        return changelog[start..end].Trim('\n') + "\n";
    }

    /// <summary>The versions the changelog has sections for, newest first.</summary>
    public static IReadOnlyList<string> Versions(string changelog) => VersionHeading().Matches(changelog).Select(m => m.Groups["version"].Value).ToList();

    private static void Section(StringBuilder text, string name, IEnumerable<string> bullets)
    {
        var list = bullets.ToList();
        if (list.Count == 0)
        {
            return;
        }
        text.Append($"\n### {name}\n\n");
        foreach (var bullet in list)
        {
            text.Append("- ").Append(bullet).Append('\n');
        }
    }

    // "`RestartWorkflowOptions.Priority`: the new `Upstash-Priority` header", from the member and the wire change that brought it.
    private static string Bullet(ApiChange change, IReadOnlyList<WireChange> wire)
    {
        var type = change.Type[(change.Type.LastIndexOf('.') + 1)..];
        var name = change.Kind == ApiChangeKind.Added && change.Member == type ? type : $"{type}.{change.Member}";
        var mark = change.Breaking ? "**Breaking:** " : "";
        var words = change.Kind switch
        {
            ApiChangeKind.Removed => Origin(change, wire, "removed") ?? "removed",
            ApiChangeKind.Changed => "now " + ApiChanges.Delta(change.Before!, change.After!),
            ApiChangeKind.AddedToImplement => "added, and an implementation of your own must add it",
            ApiChangeKind.AttributesChanged => $"read or written differently: {change.After}",
            _ => Origin(change, wire, "added") ?? "new",
        };
        return $"{mark}`{name}`: {words}";
    }

    // The wire change a new member came from, found by its name: a header or query parameter, or a field.
    private static string? Origin(ApiChange change, IReadOnlyList<WireChange> wire, string how)
    {
        static string Plain(string name) => new(name.Replace("Upstash-", "", StringComparison.OrdinalIgnoreCase).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var member = Plain(change.Member.EndsWith("Async", StringComparison.Ordinal) ? change.Member[..^5] : change.Member);
        foreach (var w in wire.Where(w => w.What.EndsWith(" " + how, StringComparison.Ordinal)))
        {
            var quoted = QuotedName().Match(w.What);
            if (!quoted.Success || Plain(quoted.Groups[1].Value) != member)
            {
                continue;
            }
            var what = w.What[..w.What.IndexOf('`', StringComparison.Ordinal)].Trim();
            var adjective = how == "added" ? "new" : "former";
            return what switch
            {
                "operation" => how == "added" ? $"calls the new operation `{w.Place}`" : $"removed with the operation `{w.Place}`",
                _ when what.EndsWith("parameter", StringComparison.Ordinal) => $"the {adjective} `{quoted.Groups[1].Value}` {what.Replace(" parameter", "", StringComparison.Ordinal)} of `{w.Place}`",
                _ => $"the {adjective} field `{quoted.Groups[1].Value}` of {w.Place}",
            };
        }
        return null;
    }

    // What the public API cannot show: statuses, values, bounds, documentation, each once.
    private static IEnumerable<string> Wire(IReadOnlyList<WireChange> wire, IReadOnlyList<ApiChange> api)
    {
        var documentation = wire.Count(w => w.What.EndsWith("rewritten", StringComparison.Ordinal));
        foreach (var w in wire.Where(w => !w.What.EndsWith("rewritten", StringComparison.Ordinal) && (api.Count == 0 || !IsSeenInApi(w))))
        {
            yield return $"Wire: {w}";
        }
        if (documentation > 0)
        {
            yield return $"Documentation: {documentation} description{(documentation == 1 ? "" : "s")} rewritten (the XML docs follow).";
        }
    }

    // Parameters, fields and operations that came or went show as members; the rest of the wire does not.
    private static bool IsSeenInApi(WireChange change) =>
        change.What.Contains("parameter `", StringComparison.Ordinal) || change.What.StartsWith("property `", StringComparison.Ordinal) || change.What.StartsWith("operation ", StringComparison.Ordinal);

    [GeneratedRegex(@"^## \[(?<version>[^\]]+)\]", RegexOptions.Multiline)]
    private static partial Regex VersionHeading();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex QuotedName();
}
