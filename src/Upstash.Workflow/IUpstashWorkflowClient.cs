namespace Upstash.Workflow;

/// <summary>The Upstash Workflow API, one property per group of operations (a tag of the spec).</summary>
public interface IUpstashWorkflowClient
{
    /// <summary>The dead-letter queue: failed workflow runs.</summary>
    IDlqClient Dlq { get; }
}
