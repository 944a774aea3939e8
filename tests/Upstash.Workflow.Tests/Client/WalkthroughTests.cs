using Microsoft.AspNetCore.Http;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>README's "A session, start to end", run as written against a server that plays the API.</summary>
public sealed class WalkthroughTests
{
    private static async Task Api(HttpContext context)
    {
        var request = $"{context.Request.Method} {context.Request.Path}";
        var json = request switch
        {
            "GET /v2/workflows/dlq" => $$"""{ "messages": [ {{Answers.DlqEntry("d1")}}, {{Answers.DlqEntry("d2")}}, {{Answers.DlqEntry("d3")}} ] }""",
            "GET /v2/workflows/dlq/d1" => """{ "dlqId": "d1", "workflowUrl": "https://example.com/nightly", "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779, "responseStatus": 500, "responseBody": "boom" }""",
            "POST /v2/workflows/dlq/restart/d1" => """{ "workflowRunId": "wfr_restarted", "workflowCreatedAt": 1725323658779 }""",
            "POST /v2/workflows/dlq/resume" => $$"""{ "workflowRuns": [ {{Answers.NewRun("wfr_r2")}}, {{Answers.NewRun("wfr_r3")}} ] }""",
            "GET /v2/workflows/logs" => $$"""{ "runs": [ {{Answers.Run(context.Request.Query["workflowRunId"].ToString(), extra: ", \"steps\": []")}} ] }""",
            _ => null,
        };
        context.Response.StatusCode = json is null ? 404 : 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json ?? """{ "error": "not played" }""");
    }

    [Fact]
    public async Task The_readme_session_runs_as_written()
    {
        await using var server = await RecordingServer.StartAsync(Api);
        using var client = Clients.For(server);
        var printed = new List<string>();

        // 1. The failed nightly runs.
        var failed = await client.Dlq.GetFailedRunsAsync(filter: new FailedRunFilter { Labels = ["nightly"] }).ToListAsync();

        // 2. Look at one.
        var entry = await client.Dlq.GetFailedRunAsync(failed[0].DlqId);
        printed.Add($"{entry.WorkflowUrl} failed with {entry.ResponseStatus}: {entry.ResponseBody}");

        // 3. Restart it from the first step, in ten minutes, at most three at a time.
        var limit = new WorkflowFlowControl("nightly-retry", parallelism: 3);
        var restarted = await client.Dlq.RestartWorkflowAsync(entry.DlqId,
            new RestartWorkflowOptions { Delay = TimeSpan.FromMinutes(10), FlowControl = limit });

        // 4. Resume the others where they failed, in bulk, under the same limit.
        var others = failed.Skip(1).Select(e => e.DlqId).ToList();
        var resumed = await client.Dlq.ResumeWorkflowsInBatchesAsync(dlqIds: others, options: new ResumeWorkflowsOptions { FlowControl = limit })
            .Select(r => r.WorkflowRunId).ToListAsync();

        // 5. Follow the new runs in the logs.
        foreach (var id in resumed.Append(restarted.WorkflowRunId))
        {
            var page = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = id });
            foreach (var run in page.Runs)
            {
                printed.Add($"{run.WorkflowRunId}: {run.WorkflowState}, {run.Steps.Count} step groups");
            }
        }

        Assert.Equal(
        [
            "https://example.com/nightly failed with 500: boom",
            "wfr_r2: RUN_STARTED, 0 step groups",
            "wfr_r3: RUN_STARTED, 0 step groups",
            "wfr_restarted: RUN_STARTED, 0 step groups",
        ], printed);
        var requests = server.Requests;
        Assert.Equal("/v2/workflows/dlq?label=nightly", requests[0].RawTarget);
        Assert.Equal("10m", requests[2].Header("Upstash-Delay"));
        Assert.Equal("parallelism=3", requests[2].Header("Upstash-Flow-Control-Value"));
        Assert.Equal("/v2/workflows/dlq/resume?dlqIds=d2&dlqIds=d3", requests[3].RawTarget);
        Assert.Equal("nightly-retry", requests[3].Header("Upstash-Flow-Control-Key"));
        Assert.Equal(7, requests.Count);
    }

    [Fact]
    public void The_readme_shows_this_session_and_it_needs_no_null_forgiving()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = readme[readme.IndexOf("## A session, start to end", StringComparison.Ordinal)..];
        var start = section.IndexOf("```csharp\n", StringComparison.Ordinal) + 10;
        var block = section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
        var test = File.ReadAllText(Repository.Tests("Upstash.Workflow.Tests", "Client", "WalkthroughTests.cs"));
        var body = test[test.IndexOf("        // 1. The failed", StringComparison.Ordinal)..test.IndexOf("        Assert.Equal(\n", StringComparison.Ordinal)];

        Assert.Equal(Lines(body.Replace("printed.Add(", "Console.WriteLine(", StringComparison.Ordinal)), Lines(block).Skip(1));
        Assert.DoesNotMatch(@"[\w)\]]!(?!=)", block);   // no null-forgiving operator
        Assert.DoesNotContain("?? []", block, StringComparison.Ordinal);

        static IEnumerable<string> Lines(string code) => code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }
}
