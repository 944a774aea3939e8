using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Upstash.Workflow.Release;

/// <summary>
/// The breaks a breaking version accepts against a release (package validation's suppression file,
/// <see cref="Layout.AcceptedBreaks"/>), each with its reason: the changelog bullet that names the member, written as a
/// comment before its suppression, so a reviewer reads why each break is there and none is accepted silently.
/// </summary>
public static partial class AcceptedBreaks
{
    /// <summary>What is written before a break no bullet names: the reason still to be given.</summary>
    private const string NoReason = "no changelog bullet names";

    /// <summary>
    /// Adds to each suppression in <paramref name="path"/> (as the SDK wrote it) the bullet of <paramref name="changelog"/>'s
    /// section that names its member, and a heading comment that says which versions the file is about.
    /// </summary>
    public static void Annotate(string path, string pending, string baseline, string changelogSection)
    {
        var document = XDocument.Load(path);
        var bullets = changelogSection.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        foreach (var node in document.Root!.Nodes().OfType<XComment>().ToList())
        {
            node.Remove();
        }
        document.Root.AddFirst(new XComment($" The breaks of {pending} against the release {baseline}, accepted; each with the changelog bullet that says why. "));
        foreach (var suppression in document.Root.Elements("Suppression"))
        {
            var target = (string?)suppression.Element("Target") ?? "";
            suppression.AddBeforeSelf(new XComment(" " + Comment(Reason(target, bullets) ?? $"{NoReason} {target}: say why under ## [Unreleased]") + " "));
        }
        document.Save(path);
    }

    /// <summary>Each suppression's target and the reason written before it (null when it has none).</summary>
    public static IReadOnlyList<(string Target, string? Reason)> Read(string path)
    {
        var document = XDocument.Load(path);
        return document.Root!.Elements("Suppression")
            .Select(s => ((string?)s.Element("Target") ?? "", (s.PreviousNode as XComment)?.Value.Trim() is { } reason && !reason.StartsWith(NoReason, StringComparison.Ordinal) ? reason : null))
            .ToList();
    }

    /// <summary>
    /// The bullet that names the member a suppression is about: "M:Upstash.Workflow.DlqClient.DeleteFailedRunAsync(System.String)"
    /// is named by "`DlqClient.DeleteFailedRunAsync`", "T:Upstash.Workflow.DeleteFailedRunOptions" by "`DeleteFailedRunOptions`".
    /// </summary>
    public static string? Reason(string target, IReadOnlyList<string> bullets)
    {
        var match = TargetName().Match(target);
        if (!match.Success)
        {
            return null;
        }
        var parts = match.Groups["name"].Value.Split('.');
        // A property's or event's accessor ("get_Priority") is named by the property.
        var (type, member) = (parts.Length >= 2 ? parts[^2] : null, Accessor().Replace(parts[^1], ""));
        string[] names = match.Groups["kind"].Value == "T" ? [member]
            : member == "#ctor" ? [$"{type}", $"{type}.{type}"]
            : [$"{type}.{member}"];
        return names.Select(n => bullets.FirstOrDefault(b => b.Contains($"`{n}`", StringComparison.Ordinal))).FirstOrDefault(b => b is not null);
    }

    // An XML comment may not hold "--".
    private static string Comment(string text) => text.Replace("--", "- -", StringComparison.Ordinal);

    [GeneratedRegex("^(get|set|add|remove)_")]
    private static partial Regex Accessor();

    // "M:Namespace.Type.Member(args)", "T:Namespace.Type", "P:…", "F:…", "E:…"; generic arity ("`1") dropped.
    [GeneratedRegex(@"^(?<kind>[MTPFE]):(?<name>[^(`]+)")]
    private static partial Regex TargetName();
}
