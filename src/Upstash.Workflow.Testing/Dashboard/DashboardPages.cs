namespace Upstash.Workflow.Testing.Dashboard;

/// <summary>
/// The dashboard's pages, each read from the state under its lock (so it shows one moment) and written as plain HTML:
/// tables and lists that read without styles, buttons that are forms the page's script sends to the REST API.
/// </summary>
internal sealed class DashboardPages(EmulatorState state, DeliverySender deliveries)
{
    /// <summary>The most rows a list shows, newest first; the API pages through them all.</summary>
    private const int Shown = 200;

    public (int Status, string Html) SignIn(bool failed)
    {
        var html = new Html();
        html.Raw("<h1>Sign in</h1>");
        if (failed)
        {
            html.Raw("<p class=\"error\" role=\"alert\">That is not this emulator's token.</p>");
        }
        html.Raw("<p>The dashboard takes the emulator's token, as its API does: <code>QSTASH_TOKEN</code> as the emulator printed it when it started ")
            .Raw("(in a test, <code>UpstashWorkflowEmulator.Token</code>). Signing in sets a cookie for this browser only.</p>")
            .Raw("<form method=\"post\" action=\"/ui/sign-in\"><label for=\"token\">Token</label> ")
            .Raw("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required> ")
            .Raw("<button type=\"submit\">Sign in</button></form>");
        return (failed ? 401 : 200, Page("Sign in", html, nav: false));
    }

    public (int Status, string Html) NotFound() => (404, Page("Not found", new Html().Raw("<h1>Not found</h1><p>No page of the dashboard is there.</p>")));

    public (int Status, string Html) Runs(string stateFilter, string labelFilter)
    {
        var html = new Html();
        html.Raw("<h1>Runs</h1><form method=\"get\" action=\"/\" class=\"filters\"><label for=\"state\">State</label> <select id=\"state\" name=\"state\"><option value=\"\">any</option>");
        foreach (var name in WorkflowRunState.KnownValues.Select(v => v.ToString()))
        {
            html.Raw($"<option{(name == stateFilter ? " selected" : "")}>{name}</option>");
        }
        html.Raw($"</select> <label for=\"label\">Label</label> <input id=\"label\" name=\"label\" value=\"{Html.Attribute(labelFilter)}\"> <button type=\"submit\">Filter</button></form>");
        html.Raw("<div id=\"live\">");
        state.Read(s =>
        {
            var runs = s.Runs.AsEnumerable().Reverse()
                .Where(r => stateFilter.Length == 0 || r.WorkflowState.ToString() == stateFilter)
                .Where(r => labelFilter.Length == 0 || r.Labels.Contains(labelFilter))
                .ToList();
            if (runs.Count == 0)
            {
                html.Raw("<p>No run yet. A trigger (the client's <code>Runs.TriggerWorkflowAsync</code>, an SDK's <code>client.trigger</code>) starts one.</p>");
                return 0;
            }
            html.Raw("<table><thead><tr><th>Run</th><th>State</th><th>Label</th><th>Workflow URL</th><th>Started</th><th>Ended</th></tr></thead><tbody>");
            foreach (var run in runs.Take(Shown))
            {
                html.Raw("<tr><td>").Link($"/ui/runs/{Html.Escape(run.WorkflowRunId)}", run.WorkflowRunId).Raw("</td><td>").State(run.WorkflowState.ToString())
                    .Raw("</td><td>").Text(string.Join(", ", run.Labels)).Raw("</td><td>").Text(run.WorkflowUrl).Raw("</td><td>").Time(run.WorkflowRunCreatedAt)
                    .Raw("</td><td>").Time(run.WorkflowRunCompletedAt).Raw("</td></tr>");
            }
            html.Raw("</tbody></table>");
            More(html, runs.Count);
            return 0;
        });
        html.Raw("</div>");
        return (200, Page("Runs", html));
    }

    public (int Status, string Html) Run(string id)
    {
        var html = new Html();
        var found = state.Read(s =>
        {
            if (s.FindRun(id) is not { } run)
            {
                return false;
            }
            html.Raw("<h1>Run ").Text(run.WorkflowRunId).Raw("</h1><div id=\"live\"><dl class=\"facts\">")
                .Raw("<dt>State</dt><dd>").State(run.WorkflowState.ToString()).Raw("</dd>")
                .Raw("<dt>Workflow URL</dt><dd>").Text(run.WorkflowUrl).Raw("</dd>")
                .Raw("<dt>Started</dt><dd>").Time(run.WorkflowRunCreatedAt).Raw("</dd>")
                .Raw("<dt>Ended</dt><dd>").Time(run.WorkflowRunCompletedAt).Raw("</dd>");
            if (run.Labels.Length > 0)
            {
                html.Raw("<dt>Label</dt><dd>").Text(string.Join(", ", run.Labels)).Raw("</dd>");
            }
            if (run.FlowControlKey is { } key)
            {
                html.Raw("<dt>Flow-control key</dt><dd>").Link("/ui/flow-control", key).Raw("</dd>");
            }
            html.Raw("<dt>Retries</dt><dd>").Text(run.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</dd>");
            if (run.Origin is { } origin)
            {
                html.Raw("<dt>Runs again</dt><dd>").Link($"/ui/runs/{Html.Escape(origin.WorkflowRunId)}", origin.WorkflowRunId).Raw("</dd>");
            }
            if (run.Invoker is { } invoker)
            {
                html.Raw("<dt>Invoked by</dt><dd>").Link($"/ui/runs/{Html.Escape(invoker.WorkflowRunId)}", invoker.WorkflowRunId).Raw("</dd>");
            }
            if (run.DlqId is { } dlqId && s.Dlq.Any(e => e.DlqId == dlqId))
            {
                html.Raw("<dt>In the DLQ</dt><dd>").Link("/ui/dlq", dlqId).Raw("</dd>");
            }
            if (run.FailureFunction is { } failure)
            {
                html.Raw("<dt>Failure callback</dt><dd>").Text(failure.State.ToString()).Raw("</dd>");
            }
            if (run.WorkflowRunResponse is { } response)
            {
                html.Raw("<dt>Result</dt><dd>").Value(response).Raw("</dd>");
            }
            html.Raw("</dl>");
            if (!run.Finished)
            {
                html.Raw($"<form data-api method=\"post\" data-method=\"DELETE\" action=\"/v2/workflows/runs/{Html.Escape(run.WorkflowRunId)}\"><button type=\"submit\">Cancel the run</button></form>");
            }
            Timeline(html, run);
            html.Raw("</div>");
            return true;
        });
        return found ? (200, Page($"Run {id}", html)) : (404, Page("No such run", new Html().Raw("<h1>No such run</h1><p>").Text($"No run {id} is kept (MaxRuns keeps the newest).").Raw("</p>")));
    }

    /// <summary>A run's steps in order: one item per group, the branches of a parallel group side by side, the waits still open last.</summary>
    private static void Timeline(Html html, Run run)
    {
        html.Raw("<h2>Steps</h2><ol class=\"timeline\">");
        long? previous = run.WorkflowRunCreatedAt;
        foreach (var group in run.Logged)
        {
            html.Raw($"<li class=\"group {Html.Attribute(group.Type)}\"><span class=\"group-type\">{Html.Attribute(group.Type)}</span><div class=\"branches\">");
            foreach (var step in group.Items)
            {
                StepCard(html, run, step, previous);
            }
            previous = group.Items.Max(i => (long?)i.CreatedAt) ?? previous;
            html.Raw("</div></li>");
        }
        foreach (var waiter in run.Waiting.Where(w => w.Step is null || !run.Logged.Any(g => g.Items.Contains(w.Step))))
        {
            html.Raw("<li class=\"group wait\"><span class=\"group-type\">waiting</span><div class=\"branches\"><article class=\"step STEP_WAITING\"><h3>")
                .Text(JsonValues.Text(waiter.ProtocolStep?["stepName"]) ?? "wait for event").Raw("</h3><dl>")
                .Raw("<dt>Event</dt><dd>").Text(waiter.EventId).Raw("</dd><dt>Deadline</dt><dd>").Time(waiter.Deadline * 1000).Raw("</dd></dl>")
                .Raw("<p>The <a href=\"/ui/waiters\">waiters page</a> notifies it.</p></article></div></li>");
        }
        html.Raw("</ol>");
    }

    private static void StepCard(Html html, Run run, Step step, long? previous)
    {
        html.Raw($"<article class=\"step {Html.Attribute(step.State.ToString())}\"><h3>").Text(step.StepName).Raw("</h3><dl>")
            .Raw("<dt>Type</dt><dd>").Text(step.StepType).Raw("</dd><dt>State</dt><dd>").State(step.State.ToString()).Raw("</dd>")
            .Raw("<dt>At</dt><dd>").Time(step.CreatedAt);
        if (previous is { } before && step.CreatedAt >= before)
        {
            html.Raw(" <span class=\"duration\">").Text($"+{(step.CreatedAt - before) / 1000.0:0.000} s").Raw("</span>");
        }
        html.Raw("</dd>");
        if (step.Retries > 0 || step.Errors is { Count: > 0 })
        {
            html.Raw("<dt>Failed deliveries</dt><dd>").Text($"{step.Errors?.Count ?? 0} ({step.Retries} retries allowed)").Raw("</dd>");
        }
        if (step.NextDeliveryTime is { } next && (step.State == StepState.StepRetry || step.State == StepState.StepProgress))
        {
            html.Raw("<dt>Next delivery</dt><dd>").Time(next).Raw("</dd>");
        }
        if (step.WaitEventId is { } eventId)
        {
            html.Raw("<dt>Event</dt><dd>").Text(eventId).Raw("</dd>");
            if (run.Waiting.FirstOrDefault(w => w.Step == step) is { } waiter)
            {
                html.Raw("<dt>Deadline</dt><dd>").Time(waiter.Deadline * 1000).Raw("</dd>");
            }
            if (step.WaitTimeout is { } timedOut)
            {
                html.Raw("<dt>Timed out</dt><dd>").Text(timedOut ? "yes" : "no").Raw("</dd>");
            }
        }
        if (step.CallUrl is { } url)
        {
            html.Raw("<dt>Call</dt><dd>").Text($"{step.CallMethod} {url}").Raw("</dd>");
            if (!string.IsNullOrEmpty(step.CallBody))
            {
                html.Raw("<dt>Request body</dt><dd>").Value(step.CallBody).Raw("</dd>");
            }
            if (step.CallResponseStatus is { } status)
            {
                html.Raw("<dt>Answer</dt><dd>").Text(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</dd><dt>Answer body</dt><dd>").Value(step.CallResponseBody).Raw("</dd>");
            }
        }
        if (step.InvokedWorkflowRunId is { } invoked)
        {
            html.Raw("<dt>Invoked</dt><dd>").Link($"/ui/runs/{Html.Escape(invoked)}", invoked).Raw("</dd>");
        }
        if (step.Out is { } output)
        {
            html.Raw("<dt>Output</dt><dd>").Value(output).Raw("</dd>");
        }
        html.Raw("</dl>");
        if (step.Errors is { Count: > 0 } errors)
        {
            html.Raw("<h4>Errors</h4><ol class=\"errors\">");
            foreach (var error in errors)
            {
                html.Raw("<li><p class=\"error\">").Text(error.Error).Raw("</p><p>").Text(error.Status == 0 ? "no answer" : $"answered {error.Status}")
                    .Raw(", ").Time(error.Time).Raw("</p>");
                if (!string.IsNullOrEmpty(error.Body))
                {
                    html.Value(error.Body);
                }
                html.Raw("</li>");
            }
            html.Raw("</ol>");
        }
        html.Raw("</article>");
    }

    public (int Status, string Html) Dlq()
    {
        var html = new Html().Raw("<h1>Dead-letter queue</h1><div id=\"live\">");
        state.Read(s =>
        {
            if (s.Dlq.Count == 0)
            {
                html.Raw("<p>Empty: no run has failed, or every failed one was resumed, restarted or deleted.</p>");
                return 0;
            }
            html.Raw("<table><thead><tr><th>DLQ id</th><th>Run</th><th>Workflow URL</th><th>Answer</th><th>Failed</th><th>Failure callback</th><th>Actions</th></tr></thead><tbody>");
            foreach (var entry in s.Dlq.AsEnumerable().Reverse().Take(Shown))
            {
                var id = Html.Escape(entry.DlqId);
                html.Raw("<tr><td>").Text(entry.DlqId).Raw("</td><td>").Link($"/ui/runs/{Html.Escape(entry.WorkflowRunId)}", entry.WorkflowRunId)
                    .Raw("</td><td>").Text(entry.WorkflowUrl).Raw("</td><td>").Text(entry.ResponseStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw(" ")
                    .Value(entry.ResponseBody ?? "", 300).Raw("</td><td>").Time(entry.CreatedAt).Raw("</td><td>").Text(entry.FailureFunctionState?.ToString() ?? "none")
                    .Raw("</td><td class=\"actions\">")
                    .Raw($"<form data-api method=\"post\" action=\"/v2/workflows/dlq/resume/{id}\"><button type=\"submit\">Resume</button></form>")
                    .Raw($"<form data-api method=\"post\" action=\"/v2/workflows/dlq/restart/{id}\"><button type=\"submit\">Restart</button></form>")
                    .Raw($"<form data-api method=\"post\" data-method=\"DELETE\" action=\"/v2/workflows/dlq/{id}\"><button type=\"submit\">Delete</button></form>")
                    .Raw("</td></tr>");
            }
            html.Raw("</tbody></table>");
            More(html, s.Dlq.Count);
            return 0;
        });
        html.Raw("</div><p class=\"note\">Resume delivers the failed step again with the results of the steps before it; restart runs every step again from the payload. Both start a new run.</p>");
        return (200, Page("DLQ", html));
    }

    public (int Status, string Html) Waiters()
    {
        var html = new Html().Raw("<h1>Waiters</h1>")
            .Raw("<form data-api method=\"post\" data-action-from=\"eventId\" action=\"/v2/notify/\" class=\"notify\"><fieldset><legend>Notify an event</legend>")
            .Raw("<label for=\"eventId\">Event id</label> <input id=\"eventId\" name=\"eventId\" required> ")
            .Raw("<label for=\"body\">Data</label> <textarea id=\"body\" name=\"body\" rows=\"3\"></textarea> ")
            .Raw("<button type=\"submit\">Notify</button></fieldset></form><div id=\"live\">");
        state.Read(s =>
        {
            var waiting = s.Runs.Where(r => !r.Finished).SelectMany(r => r.Waiting.Select(w => (Run: r, Waiter: w))).OrderBy(x => x.Waiter.Deadline).ToList();
            if (waiting.Count == 0)
            {
                html.Raw("<p>No run waits for an event.</p>");
                return 0;
            }
            html.Raw("<table><thead><tr><th>Event id</th><th>Run</th><th>Step</th><th>Deadline</th><th></th></tr></thead><tbody>");
            foreach (var (run, waiter) in waiting.Take(Shown))
            {
                html.Raw("<tr><td>").Text(waiter.EventId).Raw("</td><td>").Link($"/ui/runs/{Html.Escape(run.WorkflowRunId)}", run.WorkflowRunId)
                    .Raw("</td><td>").Text(JsonValues.Text(waiter.ProtocolStep?["stepName"]) ?? waiter.Step?.StepName ?? "").Raw("</td><td>").Time(waiter.Deadline * 1000)
                    .Raw($"</td><td><button type=\"button\" data-fill=\"eventId\" data-value=\"{Html.Attribute(waiter.EventId)}\">Notify this event</button></td></tr>");
            }
            html.Raw("</tbody></table>");
            More(html, waiting.Count);
            return 0;
        });
        html.Raw("</div>");
        return (200, Page("Waiters", html));
    }

    public (int Status, string Html) FlowControl()
    {
        var html = new Html().Raw("<h1>Flow control</h1><div id=\"live\">");
        state.Read(s =>
        {
            if (s.FlowKeys.Count == 0)
            {
                html.Raw("<p>No flow-control key yet: a trigger with <code>FlowControl</code> makes one.</p>");
                return 0;
            }
            html.Raw("<table><thead><tr><th>Key</th><th>In flight</th><th>Rate</th><th>Waiting</th><th>State</th><th></th></tr></thead><tbody>");
            foreach (var key in s.FlowKeys.Values.OrderBy(k => k.FlowControlKey, StringComparer.Ordinal))
            {
                var escaped = Html.Escape(key.FlowControlKey);
                var waiting = s.Parked.TryGetValue(key.FlowControlKey, out var parked) ? parked.Count : 0;
                html.Raw("<tr><td>").Text(key.FlowControlKey).Raw("</td><td>").Text($"{key.ParallelismCount} of {key.ParallelismMax}")
                    .Raw("</td><td>").Text($"{key.RateCount} of {key.RateMax} per {key.RatePeriod} s").Raw("</td><td>").Text(waiting.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Raw("</td><td>").Text(key.IsPaused ? "paused" : "running").Raw("</td><td class=\"actions\">")
                    .Raw(key.IsPaused
                        ? $"<form data-api method=\"post\" action=\"/v2/flowControl/{escaped}/resume\"><button type=\"submit\">Resume</button></form>"
                        : $"<form data-api method=\"post\" action=\"/v2/flowControl/{escaped}/pause\"><button type=\"submit\">Pause</button></form>")
                    .Raw("</td></tr>");
            }
            html.Raw("</tbody></table>");
            return 0;
        });
        html.Raw("</div>");
        return (200, Page("Flow control", html));
    }

    public (int Status, string Html) Deliveries()
    {
        var html = new Html().Raw("<h1>Deliveries</h1><div id=\"live\">");
        var all = deliveries.Delivered;
        if (all.Count == 0)
        {
            html.Raw("<p>Nothing delivered yet.</p>");
        }
        else
        {
            html.Raw("<table><thead><tr><th>Sent</th><th>Kind</th><th>Run</th><th>URL</th><th>Status</th><th>Why it failed</th><th>Next try</th></tr></thead><tbody>");
            foreach (var delivery in all.Reverse().Take(Shown))
            {
                html.Raw(delivery.Failure is null ? "<tr>" : "<tr class=\"failed\">").Raw("<td>").Time(delivery.SentAt.ToUnixTimeMilliseconds()).Raw("</td><td>").Text(delivery.Kind).Raw("</td><td>");
                if (delivery.WorkflowRunId.Length > 0)
                {
                    html.Link($"/ui/runs/{Html.Escape(delivery.WorkflowRunId)}", delivery.WorkflowRunId);
                }
                html.Raw("</td><td>").Text(delivery.Url.AbsoluteUri).Raw("</td><td>").Text(delivery.Status == 0 ? "no answer" : delivery.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Raw("</td><td>").Text(delivery.Failure ?? "").Raw("</td><td>").Time(delivery.NextAttempt?.ToUnixTimeMilliseconds()).Raw("</td></tr>");
            }
            html.Raw("</tbody></table>");
            More(html, all.Count);
        }
        html.Raw("</div>");
        return (200, Page("Deliveries", html));
    }

    private static void More(Html html, int count)
    {
        if (count > Shown)
        {
            html.Raw($"<p class=\"note\">The newest {Shown} of {count}; the API has them all.</p>");
        }
    }

    /// <summary>The page around <paramref name="body"/>: its title, the navigation, the stylesheet and the script.</summary>
    private string Page(string title, Html body, bool nav = true)
    {
        var page = new Html().Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · Upstash Workflow emulator</title><link rel=\"stylesheet\" href=\"/ui/dashboard.css\"><script src=\"/ui/dashboard.js\" defer></script></head><body>");
        if (nav)
        {
            var (runs, dlq, waiters, keys) = state.Read(s => (s.Runs.Count, s.Dlq.Count, s.Runs.Where(r => !r.Finished).Sum(r => r.Waiting.Count), s.FlowKeys.Count));
            page.Raw("<header><p class=\"brand\">Upstash Workflow emulator</p><nav aria-label=\"Pages\"><ul>")
                .Raw($"<li><a href=\"/\">Runs ({runs})</a></li><li><a href=\"/ui/dlq\">DLQ ({dlq})</a></li><li><a href=\"/ui/waiters\">Waiters ({waiters})</a></li>")
                .Raw($"<li><a href=\"/ui/flow-control\">Flow control ({keys})</a></li><li><a href=\"/ui/deliveries\">Deliveries ({deliveries.DeliveredCount})</a></li></ul></nav>")
                .Raw("<p class=\"live\" role=\"status\" aria-live=\"polite\" id=\"status\"></p></header>");
        }
        return page.Raw("<main>").Raw(body.ToString()).Raw("</main></body></html>").ToString();
    }
}
