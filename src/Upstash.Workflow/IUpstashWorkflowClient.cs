namespace Upstash.Workflow;

/// <summary>The Upstash Workflow API, one property per group of operations (a tag of the spec).</summary>
public interface IUpstashWorkflowClient
{
    /// <summary>The dead-letter queue: failed workflow runs, to inspect, resume, restart or delete.</summary>
    IDlqClient Dlq { get; }

    /// <summary>Starting and cancelling workflow runs.</summary>
    IRunsClient Runs { get; }

    /// <summary>The logs of workflow runs and their steps.</summary>
    ILogsClient Logs { get; }

    /// <summary>Flow-control keys and the account's global parallelism.</summary>
    IFlowControlClient FlowControl { get; }

    /// <summary>The keys requests to workflow endpoints are signed with.</summary>
    ISigningKeysClient SigningKeys { get; }

    /// <summary>Waking runs that wait for an event.</summary>
    INotifyClient Notify { get; }
}
