namespace Upstash.Workflow.TestSupport.Operations;

/// <summary>
/// One call of one operation: how the client makes it, what must reach the wire, what the server
/// answers and what the caller must get back. Shared by the recording-server and Prism tests.
/// </summary>
public sealed record OperationCase(string OperationId, string Variant = "")
{
    public Func<UpstashWorkflowClient, CancellationToken, Task<object?>> Call { get; init; } = null!;

    public string Method { get; init; } = "";

    /// <summary>Path and query exactly as sent (the raw request target).</summary>
    public string Target { get; init; } = "";

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public string? ContentType { get; init; }

    public string? Body { get; init; }

    public int Status { get; init; } = 200;

    public string? ResponseJson { get; init; }

    public Action<object?> Check { get; init; } = _ => { };

    /// <summary>The key theories use: the operationId, and the variant if any.</summary>
    public string Key => Variant.Length == 0 ? OperationId : $"{OperationId}:{Variant}";

    public static async Task<object?> Done(Task task)
    {
        await task;
        return null;
    }
}
