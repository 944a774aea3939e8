using System.Collections;
using System.Globalization;
using System.Text;

namespace Upstash.Workflow;

/// <summary>
/// Runs named by their id and creation time, as the logs' <c>workflowRuns</c> filter takes them
/// (<c>ID1@CREATED1,ID2@CREATED2</c>, times in Unix milliseconds).
/// </summary>
/// <example><code>
/// var filter = new RunLogFilter { WorkflowRuns = new() { { run.WorkflowRunId, run.WorkflowRunCreatedAt } } };
/// </code></example>
public sealed class WorkflowRunSelection : IEnumerable<KeyValuePair<string, DateTimeOffset>>
{
    private readonly List<KeyValuePair<string, DateTimeOffset>> _runs = [];

    /// <summary>An empty selection; add runs with <see cref="Add"/> or a collection initializer.</summary>
    public WorkflowRunSelection()
    {
    }

    /// <summary>How many runs it names.</summary>
    public int Count => _runs.Count;

    /// <summary>Adds a run.</summary>
    /// <param name="workflowRunId">The run's id: not empty, without ',' or '@', which separate the entries on the wire.</param>
    /// <param name="createdAt">When the run was created (<c>WorkflowRun.WorkflowRunCreatedAt</c>), to the millisecond.</param>
    public void Add(string workflowRunId, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(workflowRunId))
        {
            throw new ArgumentException("A run id must not be empty.", nameof(workflowRunId));
        }
        if (workflowRunId.AsSpan().IndexOfAny(',', '@') >= 0)
        {
            throw new ArgumentException($"A run id cannot contain ',' or '@', which separate the runs on the wire: '{workflowRunId}'.", nameof(workflowRunId));
        }
        if (createdAt < DateTimeOffset.UnixEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(createdAt), createdAt, "A run's creation time cannot be before 1970.");
        }
        _runs.Add(new(workflowRunId, createdAt));
    }

    /// <summary>The <c>workflowRuns</c> text: each run as <c>id@milliseconds</c>, joined by commas ("" for none, which a call refuses).</summary>
    public string Value
    {
        get
        {
            var text = new StringBuilder();
            foreach (var (id, createdAt) in _runs)
            {
                text.Append(text.Length == 0 ? "" : ",").Append(id).Append('@').Append(createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, DateTimeOffset>> GetEnumerator() => _runs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The <c>workflowRuns</c> text, or "(none)".</summary>
    public override string ToString() => _runs.Count == 0 ? "(none)" : Value;
}
