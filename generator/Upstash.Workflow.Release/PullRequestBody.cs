using System.Text;

namespace Upstash.Workflow.Release;

/// <summary>The body of the pull request an update opens: the changelog entry, the to-do list, both judges, the wire.</summary>
public static class PullRequestBody
{
    public static string Write(UpdateResult result)
    {
        var text = new StringBuilder($"{result.Line}\n\n");
        if (result.Refusal is not null)
        {
            text.Append("**Refused:** ").Append(result.Refusal).Append("\n\n");
        }
        if (result.Kind == UpdateKind.Breaking)
        {
            text.Append("**Breaking:** users must change their code; the changelog lists what. Merge by hand, after review.\n\n");
        }
        text.Append(result.ChangelogEntry is null ? "Nothing for the changelog.\n"
            : "### Changelog (merged into `## [Unreleased]`)\n\n" + result.ChangelogEntry.Replace("\n### ", "\n#### ", StringComparison.Ordinal));
        text.Append("\n### To do before merging\n\n");
        text.Append(result.ToDo.Count == 0 ? "Nothing: the generator has no finding a person must act on.\n" : string.Concat(result.ToDo.Select(t => $"- [ ] {t}\n")));
        text.Append("\n### The two judges\n\n```\n").Append(ApiChanges.Describe(result.Api)).Append('\n').Append(result.Validation).Append("\n```\n");
        text.Append("\n### Wire-level differences\n\n");
        text.Append(result.Wire.Count == 0 ? "None.\n" : string.Concat(result.Wire.Select(w => $"- {w}\n")));
        return text.ToString();
    }
}
