using Upstash.Workflow;

namespace Upstash.Workflow.Samples.WebApp;

/// <summary>
/// Restarts the failed runs of a label on request. The Upstash client is registered from the "Upstash"
/// configuration section; what it leaves unset comes from QSTASH_TOKEN, QSTASH_URL and QSTASH_REGION, and
/// the application does not start without a token.
/// </summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddUpstashWorkflowClient(builder.Configuration.GetSection("Upstash"));

        var app = builder.Build();
        app.MapPost("/failed-runs/{label}/restart", async (string label, IDlqClient dlq, CancellationToken cancellationToken) =>
        {
            var restarted = await dlq.RestartWorkflowsInBatchesAsync(filter: new FailedRunFilter { Labels = [label] }, cancellationToken: cancellationToken)
                .Select(run => run.WorkflowRunId)
                .ToListAsync(cancellationToken);
            return Results.Ok(restarted);
        });
        app.Run();
    }
}
