using System.Text;
using System.Text.RegularExpressions;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>Turns phrases ("Restart Workflow from DLQ", "Upstash-Retries", "restartWorkflow") into identifiers.</summary>
public static partial class Names
{
    /// <summary>Splits on anything that is not a letter or digit, and between a lower-case letter and an upper-case one.</summary>
    public static IReadOnlyList<string> Words(string phrase)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < phrase.Length; i++)
        {
            var c = phrase[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = current[^1];
                var nextIsLower = i + 1 < phrase.Length && char.IsLower(phrase[i + 1]);
                // "restartWorkflow" splits before W; "DLQId" splits before I (the acronym ends there).
                if (char.IsLower(previous) || char.IsDigit(previous) || char.IsUpper(previous) && nextIsLower)
                {
                    Flush();
                }
            }
            current.Append(c);
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>"Restart Workflow from DLQ" → "RestartWorkflowFromDlq": acronyms are cased like words, as .NET names are.</summary>
    public static string Pascal(string phrase)
    {
        var result = new StringBuilder();
        foreach (var word in Words(phrase))
        {
            result.Append(char.ToUpperInvariant(word[0]));
            result.Append(word[1..].ToLowerInvariant());
        }
        return result.ToString();
    }

    /// <summary>"Upstash-Flow-Control-Key" → "upstashFlowControlKey".</summary>
    public static string Camel(string phrase)
    {
        var pascal = Pascal(phrase);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    /// <summary>True for a name C# can declare as it is: letters, digits and underscores, not first a digit.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>
    /// "restartWorkflow" → "RestartWorkflow": unlike <see cref="Pascal"/>, keeps a pinned name's own casing
    /// past the first letter, so an overlay name comes out as written.
    /// </summary>
    public static string UpperFirst(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>
    /// Names nobody chose: what a generator writes when it has no name (NSwag's <c>Anonymous</c>,
    /// <c>Response2</c>), a counter appended to dodge a clash (<c>ListFlowControlKeys2Async</c>), or a wire
    /// name left raw (<c>upstash_retries</c>). The plan refuses them (UG0202); the tests look for them in
    /// generated code and the public API with <see cref="PlaceholdersIn"/>. This is the one statement of the rule.
    /// </summary>
    public static bool IsPlaceholder(string name) => Placeholder().IsMatch(name);

    /// <summary>The type, method and parameter names declared in C# <paramref name="code"/> that <see cref="IsPlaceholder"/> refuses.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string code) =>
        [.. Declared().Matches(code).Select(m => m.Groups["name"].Value).Where(IsPlaceholder).Distinct()];

    [GeneratedRegex(@"^(?:(?:Anonymous|Response)\d*|\w*[a-z]\d+Async|upstash_\w*)$")]
    private static partial Regex Placeholder();

    // Type declarations, method declarations and calls, and identifiers that start like a raw wire name.
    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>\w+)|\b(?<name>\w+Async)\s*\(|\b(?<name>upstash_\w*)")]
    private static partial Regex Declared();
}
