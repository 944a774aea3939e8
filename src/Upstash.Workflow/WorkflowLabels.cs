using Upstash.Workflow.Core;

namespace Upstash.Workflow;

/// <summary>Several labels in one <c>Upstash-Label</c> header: comma-joined.</summary>
public static class WorkflowLabels
{
    /// <summary>
    /// "a", "b" → "a,b". Each label must be non-empty printable ASCII without a comma (a comma would
    /// split it in two); otherwise an <see cref="ArgumentException"/>.
    /// </summary>
    public static string Join(params IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var list = labels.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one label.", nameof(labels));
        }
        foreach (var label in list)
        {
            if (string.IsNullOrWhiteSpace(label) || label.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException("A label must not be empty, white space, or contain a comma.", nameof(labels));
            }
            RequestGuard.HeaderValue(label, nameof(labels));
        }
        return string.Join(',', list);
    }
}
