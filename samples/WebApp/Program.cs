using Upstash.Workflow;

namespace Upstash.Workflow.Samples.WebApp;

/// <summary>
/// Restarts the failed runs of a label on request, and raises an alert when Upstash reports a failed run. The
/// Upstash client and the signature check are registered from the "Upstash" configuration section; what it
/// leaves unset comes from the QSTASH_* environment variables, and the application does not start without a
/// token and a signing key.
/// </summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddUpstashWorkflowClient(builder.Configuration.GetSection("Upstash"));
        builder.Services.AddUpstashSignatureVerification(builder.Configuration.GetSection("Upstash"));
        builder.Services.AddSingleton<FailureAlerts>();

        var app = builder.Build();
        app.MapPost("/failed-runs/{label}/restart", async (string label, DlqClient dlq, CancellationToken cancellationToken) =>
        {
            var restarted = await dlq.RestartWorkflowsInBatchesAsync(filter: new FailedRunFilter { Labels = [label] }, cancellationToken: cancellationToken)
                .Select(run => run.WorkflowRunId)
                .ToListAsync(cancellationToken);
            return Results.Ok(restarted);
        });
        // Only failure callbacks signed by Upstash reach the handler.
        app.MapUpstashFailureCallback("/api/failed", (WorkflowFailureCallback callback, FailureAlerts alerts) =>
            alerts.Raise($"{callback.WorkflowRunId} failed with {callback.Status}"));
        app.Run();
    }
}
