using System.Text;
using System.Text.RegularExpressions;

namespace Upstash.Workflow.Release;

/// <summary>
/// CHANGELOG.md as Keep a Changelog 1.1.0 writes it: <c>## [Unreleased]</c> first, with what is merged and not yet
/// released (changes made by hand, and each update's entry, merged into it), then one section per release, newest
/// first, headed by its version and the date the release stamped. Removed, Changed and Added, breaking changes marked
/// and first; one bullet per public member; the spec the packages come from.
/// </summary>
public static partial class Changelog
{
    public const string Title = "# Changelog";

    public const string Unreleased = "Unreleased";

    /// <summary>The categories of a section, in the order they are written: what breaks first.</summary>
    private static readonly string[] Categories = ["Removed", "Changed", "Deprecated", "Added", "Fixed", "Security"];

    /// <summary>What an update adds to <c>## [Unreleased]</c>: the spec line and its bullets (no heading).</summary>
    public static string Entry(SpecLock spec, IReadOnlyList<ApiChange> api, IReadOnlyList<WireChange> wire)
    {
        var text = new StringBuilder(SpecLine(spec));
        var removed = api.Where(c => c.Kind == ApiChangeKind.Removed).ToList();
        var changed = api.Where(c => c.Kind is ApiChangeKind.Changed or ApiChangeKind.AttributesChanged or ApiChangeKind.AddedToImplement).OrderByDescending(c => c.Breaking).ToList();
        var added = api.Where(c => c.Kind == ApiChangeKind.Added).ToList();
        Section(text, "Removed", removed.Select(c => Bullet(c, wire)));
        Section(text, "Changed", changed.Select(c => Bullet(c, wire)).Concat(Wire(wire, api)));
        Section(text, "Added", added.Select(c => Bullet(c, wire)));
        return text.ToString();
    }

    /// <summary>"Generated from … (SHA-256 `…`)." — which spec the packages come from.</summary>
    public static string SpecLine(SpecLock spec) => $"Generated from {spec.Source} (SHA-256 `{spec.UpstreamSha256}`).\n";

    /// <summary>
    /// The changelog with <paramref name="entry"/> merged into <c>## [Unreleased]</c> (made when missing): its spec line
    /// replaces the one there, its bullets join their categories after the bullets already there.
    /// </summary>
    public static string Merge(string? changelog, string entry)
    {
        changelog = WithUnreleased(changelog);
        var heading = Headings(changelog)[0];
        var (start, end) = (heading.Index + heading.Length, NextHeading(changelog, heading));
        var body = changelog[start..end];
        var spec = SpecLinePattern().Match(entry);
        var kept = SpecLinePattern().Match(body);
        var text = new StringBuilder(spec.Success ? spec.Value : kept.Success ? kept.Value : "");
        // Prose outside the categories (a maintainer's note) stays, after the spec line.
        var prose = CategoryPattern().Split(SpecLinePattern().Replace(body, ""))[0].Trim('\n');
        if (prose.Length > 0)
        {
            text.Append(text.Length > 0 ? "\n" : "").Append(prose).Append('\n');
        }
        var (was, now) = (Bullets(body), Bullets(entry));
        foreach (var category in Categories.Concat(was.Keys).Concat(now.Keys).Distinct(StringComparer.Ordinal))
        {
            Section(text, category, was.GetValueOrDefault(category, []).Concat(now.GetValueOrDefault(category, [])).Distinct(StringComparer.Ordinal));
        }
        var merged = text.ToString().TrimStart('\n');
        return changelog[..start] + "\n\n" + merged + (merged.Length > 0 ? "\n" : "") + changelog[end..].TrimStart('\n');
    }

    /// <summary>
    /// The release of <paramref name="version"/> on <paramref name="date"/>: <c>## [Unreleased]</c> becomes its section,
    /// and an empty <c>## [Unreleased]</c> opens above it for what comes next.
    /// </summary>
    public static string Stamp(string changelog, string version, string date)
    {
        var heading = Headings(WithUnreleased(changelog))[0];
        changelog = WithUnreleased(changelog);
        return changelog[..heading.Index] + $"## [{Unreleased}]\n\n## [{version}] - {date}" + changelog[(heading.Index + heading.Length)..];
    }

    /// <summary>Whether <c>## [Unreleased]</c> says anything (a bullet, a spec line or a note).</summary>
    public static bool HasUnreleased(string changelog) => (Section(changelog, Unreleased) ?? "").Trim().Length > 0;

    /// <summary>The section of <paramref name="version"/> (or <see cref="Unreleased"/>) without its heading, or null when there is none.</summary>
    public static string? Section(string changelog, string version)
    {
        var headings = Headings(changelog);
        var heading = headings.Find(m => m.Groups["version"].Value == version);
        if (heading is null)
        {
            return null;
        }
        return changelog[(heading.Index + heading.Length)..NextHeading(changelog, heading)].Trim('\n') + "\n";
    }

    /// <summary>The versions the changelog has sections for, newest first (not <c>Unreleased</c>).</summary>
    public static IReadOnlyList<string> Versions(string changelog) =>
        Headings(changelog).Select(m => m.Groups["version"].Value).Where(v => v != Unreleased).ToList();

    /// <summary>The released versions (a section with the date its release stamped), newest first.</summary>
    public static IReadOnlyList<(string Version, string Date)> Released(string changelog) =>
        Headings(changelog).Where(m => m.Groups["date"].Success).Select(m => (m.Groups["version"].Value, m.Groups["date"].Value)).ToList();

    private static string WithUnreleased(string? changelog)
    {
        changelog ??= $"{Title}\n\nEvery release of the packages, newest first. Versions follow SemVer; docs/maintaining/upstream.md says what each part means here.\n";
        if (Headings(changelog).FirstOrDefault() is { } first && first.Groups["version"].Value == Unreleased)
        {
            return changelog;
        }
        var at = Headings(changelog).FirstOrDefault()?.Index ?? changelog.Length;
        return changelog[..at].TrimEnd('\n') + $"\n\n## [{Unreleased}]\n\n" + changelog[at..];
    }

    private static List<Match> Headings(string changelog) => SectionHeading().Matches(changelog).ToList();

    private static int NextHeading(string changelog, Match heading) =>
        Headings(changelog).FirstOrDefault(m => m.Index > heading.Index)?.Index ?? changelog.Length;

    /// <summary>The bullets of each <c>### Category</c> of a section's text, in order.</summary>
    private static Dictionary<string, List<string>> Bullets(string text)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = result.TryGetValue(line[4..].Trim(), out var list) ? list : result[line[4..].Trim()] = [];
            }
            else if (current is not null && line.StartsWith("- ", StringComparison.Ordinal))
            {
                current.Add(line[2..]);
            }
            else if (current is { Count: > 0 } && line.StartsWith("  ", StringComparison.Ordinal))
            {
                current[^1] += "\n" + line;
            }
        }
        return result;
    }

    private static void Section(StringBuilder text, string name, IEnumerable<string> bullets)
    {
        // A call's two forms (with and without its options) say the same: one bullet.
        var list = bullets.Distinct(StringComparer.Ordinal).ToList();
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
        var name = change.Member.StartsWith("--", StringComparison.Ordinal) ? $"{change.Type} {change.Member}"
            : change.IsType ? change.Member : $"{type}.{change.Member}";
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

    // The wire change a new member came from, found by its name: a field of its own schema, else the header or query
    // parameter of every operation that gained one of that name (an options member), else an operation.
    private static string? Origin(ApiChange change, IReadOnlyList<WireChange> wire, string how)
    {
        static string Plain(string name) => new(name.Replace("Upstash-", "", StringComparison.OrdinalIgnoreCase).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var member = Plain(change.Member.EndsWith("Async", StringComparison.Ordinal) ? change.Member[..^5] : change.Member);
        var type = change.Type[(change.Type.LastIndexOf('.') + 1)..];
        var named = wire
            .Where(w => w.What.EndsWith(" " + how, StringComparison.Ordinal) && QuotedName().Match(w.What) is { Success: true } quoted && Plain(quoted.Groups[1].Value) == member)
            .Select(w => (Change: w, Name: QuotedName().Match(w.What).Groups[1].Value, What: w.What[..w.What.IndexOf('`', StringComparison.Ordinal)].Trim()))
            .ToList();
        var adjective = how == "added" ? "new" : "former";
        if (named.Find(n => n.What == "property" && n.Change.Place == $"schema {type}") is { Change: not null } field)
        {
            return $"the {adjective} field `{field.Name}` of {field.Change.Place}";
        }
        var parameters = named.Where(n => n.What.EndsWith("parameter", StringComparison.Ordinal)).ToList();
        if (parameters.Count > 0)
        {
            var places = string.Join(" and ", parameters.Select(p => $"`{p.Change.Place}`").Distinct());
            return $"the {adjective} `{parameters[0].Name}` {parameters[0].What.Replace(" parameter", "", StringComparison.Ordinal)} of {places}";
        }
        if (named.Find(n => n.What == "operation") is { Change: not null } operation)
        {
            return how == "added" ? $"calls the new operation `{operation.Change.Place}`" : $"removed with the operation `{operation.Change.Place}`";
        }
        return named.Find(n => n.What == "property") is { Change: not null } other ? $"the {adjective} field `{other.Name}` of {other.Change.Place}" : null;
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

    // "## [0.2.0] - 2026-12-07", "## [Unreleased]"
    [GeneratedRegex(@"^## \[(?<version>[^\]]+)\](?: - (?<date>\d{4}-\d{2}-\d{2}))?[^\n]*", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^Generated from [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex SpecLinePattern();

    [GeneratedRegex(@"^### ", RegexOptions.Multiline)]
    private static partial Regex CategoryPattern();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex QuotedName();
}
