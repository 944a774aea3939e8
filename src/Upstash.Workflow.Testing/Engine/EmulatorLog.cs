using Microsoft.Extensions.Logging;

namespace Upstash.Workflow.Testing;

/// <summary>
/// What the emulator says while it works, one line per thing that happens to a run (started, delivered, a delivery that
/// failed with its reason and its next try, into the DLQ, called back) and per request it could not handle; to the
/// <see cref="UpstashWorkflowEmulatorOptions.LoggerFactory"/>, nowhere without one. No token or body is written.
/// </summary>
internal sealed partial class EmulatorLog(ILoggerFactory? factory)
{
    private readonly ILogger? _logger = factory?.CreateLogger("Upstash.Workflow.Testing.Emulator");

    public void Run(Run run, string what)
    {
        if (_logger is { } logger)
        {
            RunLine(logger, run.WorkflowRunId, run.WorkflowUrl, what);
        }
    }

    /// <summary>A delivery and its answer: the status, or why none came; never the answer's body (the record of deliveries keeps it).</summary>
    public void Delivered(string kind, string runId, Uri target, DeliveryAnswer answer)
    {
        if (_logger is { } logger)
        {
            DeliveryLine(logger, runId, kind, target.GetLeftPart(UriPartial.Path), answer.Reason);
        }
    }

    public void Unhandled(Exception exception, string method, string path)
    {
        if (_logger is { } logger)
        {
            UnhandledLine(logger, exception, method, path);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{RunId} ({Url}): {What}")]
    private static partial void RunLine(ILogger logger, string runId, string url, string what);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{RunId}: {Kind} delivery to {Target}: {Outcome}")]
    private static partial void DeliveryLine(ILogger logger, string runId, string kind, string target, string outcome);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Method} {Path} could not be handled; answered 500 with the reason")]
    private static partial void UnhandledLine(ILogger logger, Exception exception, string method, string path);
}
