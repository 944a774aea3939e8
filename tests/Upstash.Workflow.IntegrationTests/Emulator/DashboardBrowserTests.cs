using System.Diagnostics;
using OpenQA.Selenium;
using Upstash.Workflow.IntegrationTests.Engine;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Emulator;

/// <summary>
/// The emulator's dashboard in a real browser, over workflows the official TypeScript SDK serves: what a person sees
/// and clicks, and that a click is the REST operation (the run it starts is the emulator's, seen by the client too).
/// Its screenshots are the ones docs/testing.md shows.
/// </summary>
public sealed class DashboardBrowserTests(Reporter reporter) : IClassFixture<Reporter>
{
    [SkippableFact]
    public async Task A_failed_run_is_seen_resumed_and_succeeds_a_wait_is_notified_and_a_down_endpoint_shows_why()
    {
        var unavailable = WorkflowApp.Unavailable() ?? Browser.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var clock = Stopwatch.StartNew();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        await using var app = await WorkflowApp.StartAsync(upstash);
        using var client = upstash.CreateClient();
        using var browser = Browser.Start();
        var saw = new List<string>();

        // Signing in: the page asks for the token the emulator printed.
        browser.Open(upstash.BaseAddress);
        browser.WaitForText("Sign in");
        browser.Page.FindElement(By.Id("token")).SendKeys(upstash.Token);
        browser.Click(By.CssSelector("form[action='/ui/sign-in'] button"));
        browser.WaitForText("No run yet");
        saw.Add("signed in with the token; the runs page is empty");

        // A workflow that fails at its second step, with no retries: its page shows the failed step and the error.
        var failed = await client.Runs.TriggerWorkflowAsync(app.Workflow("flaky"), WorkflowPayload.RawJson("{}"), new TriggerWorkflowOptions { Retries = 0 }, TestContext.Token);
        browser.WaitForText(failed.WorkflowRunId);
        browser.WaitForText("RUN_FAILED");
        browser.Click(By.LinkText(failed.WorkflowRunId));
        browser.WaitForText("fragile is broken");
        Assert.Contains("STEP_FAILED", browser.Text);
        browser.Screenshot("dashboard-failed-run");
        saw.Add($"the runs page listed {failed.WorkflowRunId} as RUN_FAILED (live, no reload); its page showed 'fragile' STEP_FAILED with 'fragile is broken'");

        // Fixed, then resumed from the DLQ page: the browser lands on the new run, which succeeds without running 'before' again.
        await app.FixFlakyAsync();
        browser.Click(By.PartialLinkText("DLQ"));
        browser.WaitForText(failed.WorkflowRunId);
        browser.ClickInRow(failed.WorkflowRunId, "Resume");
        try
        {
            browser.WaitForText("RUN_SUCCESS");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\nDeliveries:\n  {string.Join("\n  ", upstash.Deliveries)}\nThe app:\n{app.Log}");
        }
        browser.WaitForText("kept fixed end");
        var resumed = browser.Page.Url.Split('/')[^1];
        Assert.NotEqual(failed.WorkflowRunId, resumed);
        Assert.Equal(WorkflowRunState.RunSuccess, upstash.RunState(resumed));
        Assert.Equal(1, await app.CountAsync("flaky:before"));
        browser.Screenshot("dashboard-resumed-run");
        saw.Add($"Resume on the DLQ page opened {resumed}, which turned RUN_SUCCESS with 'kept fixed end'; 'before' ran once in all");

        // A run waiting for an event, notified from the waiters page's form.
        var waiting = await client.Runs.TriggerWorkflowAsync(app.Workflow("wait"), WorkflowPayload.RawJson("""{"eventId":"approval-ui"}"""), cancellationToken: TestContext.Token);
        browser.Click(By.PartialLinkText("Waiters"));
        browser.WaitForText("approval-ui");
        browser.Screenshot("dashboard-waiters");
        browser.ClickInRow("approval-ui", "Notify this event");
        browser.Page.FindElement(By.Id("body")).SendKeys("approved in the browser");
        browser.Click(By.CssSelector("form.notify button[type=submit]"));
        browser.WaitForText("Notified 1 waiting run(s).");
        browser.Open(new Uri(upstash.BaseAddress, $"ui/runs/{waiting.WorkflowRunId}"));
        browser.WaitForText("RUN_SUCCESS");
        Assert.Contains("approved in the browser", browser.Text);
        saw.Add($"the waiters page listed approval-ui for {waiting.WorkflowRunId}; its form notified it, and the run ended RUN_SUCCESS with the data");

        // A workflow whose endpoint is down: the deliveries page says why, and when the next try is.
        var down = await client.Runs.TriggerWorkflowAsync(new Uri("http://127.0.0.1:9/down"), options: new TriggerWorkflowOptions { Retries = 2 }, cancellationToken: TestContext.Token);
        browser.Click(By.PartialLinkText("Deliveries"));
        browser.WaitForText("http://127.0.0.1:9/down");
        // Sent, kind, run, URL, status, why it failed, next try.
        var row = browser.Cells("tr.failed", down.WorkflowRunId);
        Assert.Equal(("no answer", "no answer: Connection refused"), (row[4], row[5]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$", row[6]);
        browser.Screenshot("dashboard-deliveries");
        saw.Add($"the deliveries page showed {down.WorkflowRunId}'s delivery to a closed port: '{row[5]}', next try at {row[6]}");

        reporter.Say($"Dashboard in Chromium ({clock.Elapsed.TotalSeconds:0.0} s):\n  " + string.Join("\n  ", saw));
    }
}
