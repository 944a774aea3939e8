using Upstash.Workflow.Testing;

namespace Upstash.Workflow.QuickStart;

/// <summary>
/// The quick start: with no QSTASH_TOKEN it starts the emulator, seeds failed runs and shows the
/// client at work on them; with QSTASH_TOKEN it reads the real service, and writes only with --write.
/// </summary>
public static class Tour
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, Func<string, string?> environment)
    {
        var write = args.Contains("--write");
        if (environment("QSTASH_TOKEN") is { Length: > 0 })
        {
            var options = UpstashWorkflowClientOptions.FromEnvironment(environment);
            using var real = new UpstashWorkflowClient(options);
            output.WriteLine($"Upstash Workflow at {options.BaseAddress?.ToString() ?? options.Region ?? UpstashWorkflowClientOptions.DefaultBaseAddress.ToString()} ({(write ? "read and write" : "read only; pass --write to restart and resume")})");
            await ShowAsync(real, output, write, label: args.SkipWhile(a => a != "--label").Skip(1).FirstOrDefault());
            return 0;
        }

        output.WriteLine("No QSTASH_TOKEN set: running against the in-process emulator (Upstash.Workflow.Testing).");
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        emulator.AddFailedRun("https://shop.example/api/workflows/nightly-invoices", labels: ["nightly"], responseStatus: 502, responseBody: "payment gateway timed out");
        emulator.AddFailedRun("https://shop.example/api/workflows/nightly-invoices", labels: ["nightly"], responseStatus: 500, responseBody: "invoice template missing");
        emulator.AddFailedRun("https://shop.example/api/workflows/nightly-reports", labels: ["nightly"], responseStatus: 429, responseBody: "rate limited by the mail service");
        emulator.AddFailedRun("https://shop.example/api/workflows/welcome-mail", labels: ["signup"], responseStatus: 500, responseBody: "smtp refused");
        output.WriteLine($"Emulator at {emulator.BaseAddress}, seeded with 4 failed runs (3 labelled \"nightly\").");
        using var client = emulator.CreateClient();
        await ShowAsync(client, output, write: true, label: "nightly");
        return 0;
    }

    private static async Task ShowAsync(UpstashWorkflowClient client, TextWriter output, bool write, string? label)
    {
        // 1. The DLQ, filtered by label when one is given.
        output.WriteLine();
        output.WriteLine(label is null ? "Failed runs in the DLQ:" : $"Failed runs in the DLQ labelled \"{label}\":");
        var filter = label is null ? null : new FailedRunFilter { Labels = [label] };
        var failed = await client.Dlq.GetFailedRunsAsync(filter: filter).ToListAsync();
        Table.Write(output, ["DLQ id", "workflow", "status", "failed at (UTC)"],
            failed.Select(m => (IReadOnlyList<string>)[m.DlqId, Short(m.WorkflowUrl), m.ResponseStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", m.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? ""]));
        if (failed.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        // 2. One entry up close.
        var entry = await client.Dlq.GetFailedRunAsync(failed[0].DlqId);
        output.WriteLine();
        output.WriteLine($"Entry {entry.DlqId}:");
        output.WriteLine($"  workflow  {entry.WorkflowUrl}");
        output.WriteLine($"  run       {entry.WorkflowRunId}");
        output.WriteLine($"  answer    {entry.ResponseStatus} {entry.ResponseBody}");
        output.WriteLine($"  labels    {string.Join(", ", entry.Labels)}");
        if (!write)
        {
            return;
        }

        // 3. Restart it from the first step, in a minute, labelled, under a flow-control limit.
        var flow = new WorkflowFlowControl("quickstart-retries", parallelism: 2, rate: 10, period: TimeSpan.FromMinutes(1));
        var restarted = await client.Dlq.RestartWorkflowAsync(entry.DlqId, new RestartWorkflowOptions
        {
            Delay = TimeSpan.FromMinutes(1),
            Labels = ["retried", "quickstart"],
            FlowControl = flow,
        });
        output.WriteLine();
        output.WriteLine($"Restarted {entry.DlqId} as run {restarted.WorkflowRunId} (delay 1m, labels retried,quickstart, flow control \"{flow.Key}\": {flow.Value}).");

        // 4. Resume the others where they failed, in bulk.
        var others = failed.Skip(1).Select(m => m.DlqId).ToList();
        var resumed = new List<string>();
        if (others.Count > 0)
        {
            await foreach (var run in client.Dlq.ResumeWorkflowsInBatchesAsync(dlqIds: others))
            {
                resumed.Add(run.WorkflowRunId);
            }
            output.WriteLine($"Resumed {others.Count} more in bulk: {string.Join(", ", resumed)}.");
        }

        // 5. The DLQ no longer holds them; the new runs are in the logs.
        var left = await client.Dlq.ListFailedRunsAsync(filter: filter);
        var gone = !left.Messages.Any(m => m.DlqId == entry.DlqId);
        output.WriteLine();
        output.WriteLine($"DLQ after: {left.Messages.Count} left{(label is null ? "" : $" labelled \"{label}\"")}; {entry.DlqId} {(gone ? "is gone" : "is STILL THERE")}.");
        output.WriteLine("New runs:");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var id in resumed.Prepend(restarted.WorkflowRunId))
        {
            var runs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = id });
            foreach (var run in runs.Runs)
            {
                rows.Add([run.WorkflowRunId, Short(run.WorkflowUrl), run.WorkflowState.ToString(), string.Join(",", run.Labels)]);
            }
        }
        Table.Write(output, ["run", "workflow", "state", "labels"], rows);
    }

    private static string Short(Uri? url) => url?.AbsolutePath ?? "";
}
