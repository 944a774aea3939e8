namespace Upstash.Workflow;

// The generated page types, joined to the paging helpers: their cursor is the spec's "cursor" field.

/// <summary>A page of failed runs in the DLQ.</summary>
public partial class FailedRunsPage : IUpstashPage
{
    string? IUpstashPage.NextCursor => Cursor;
}

/// <summary>A page of workflow runs with their steps.</summary>
public partial class WorkflowRunLogsPage : IUpstashPage
{
    string? IUpstashPage.NextCursor => Cursor;
}

/// <summary>One batch of a bulk delete of DLQ entries.</summary>
public partial class DeleteFailedRunsResult : IUpstashPage
{
    string? IUpstashPage.NextCursor => Cursor;
}

/// <summary>One batch of a bulk resume or restart from the DLQ.</summary>
public partial class BulkRunAgainResult : IUpstashPage
{
    string? IUpstashPage.NextCursor => Cursor;
}
