// Workflows served by the official SDK, for the emulator's engine tests. Each step counts its own executions
// (GET /counts), so a test can tell a step that ran from one the SDK replayed from the history.
// Environment: PORT (0 for any; the chosen one is printed as "listening on <port>"), and what the SDK reads:
// QSTASH_URL, QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY, QSTASH_NEXT_SIGNING_KEY, or QSTASH_DEV=true alone.
import http from "node:http";
import { serve, serveMany, createWorkflow } from "@upstash/workflow/cloudflare";
import { Client, WorkflowNonRetryableError } from "@upstash/workflow";

const counts = {};
const hooks = [];
const failures = [];
let flakyFixed = false;
const count = (key) => (counts[key] = (counts[key] ?? 0) + 1);

const workflows = {
  // Three steps, each using the one before.
  steps: serve(async (context) => {
    const a = await context.run("first", () => (count("steps:first"), context.requestPayload.n + 1));
    const b = await context.run("second", () => (count("steps:second"), a * 2));
    const c = await context.run("third", () => (count("steps:third"), `${a}-${b}`));
    return { a, b, c };
  }),
  // Three steps at once, then one that sees their results.
  parallel: serve(async (context) => {
    const [x, y, z] = await Promise.all(
      ["x", "y", "z"].map((name) => context.run(name, () => (count(`parallel:${name}`), name.toUpperCase()))),
    );
    return await context.run("join", () => (count("parallel:join"), x + y + z));
  }),
  // A sleep between two steps, on the emulator's clock.
  sleep: serve(async (context) => {
    const before = await context.run("before", () => (count("sleep:before"), "awake"));
    await context.sleep("nap", 3600);
    return await context.run("after", () => (count("sleep:after"), `${before} again`));
  }),
  // Waits for an event the test sends through the .NET client's notify.
  wait: serve(async (context) => {
    await context.run("asked", () => (count("wait:asked"), "asked"));
    const { eventData, timeout } = await context.waitForEvent("approval", context.requestPayload.eventId, { timeout: "1h" });
    return await context.run("decided", () => (count("wait:decided"), timeout ? "timed out" : eventData));
  }),
  // Calls an endpoint of this app through the service.
  call: serve(async (context) => {
    const { status, body } = await context.call("fetch", { url: context.requestPayload.url, method: "POST", body: { q: "ping" } });
    return await context.run("read", () => (count("call:read"), `${status} ${JSON.stringify(body)}`));
  }),
  // Cancels itself after one step: the step after it never runs.
  cancel: serve(async (context) => {
    await context.run("only", () => (count("cancel:only"), "done"));
    await context.cancel();
    await context.run("never", () => (count("cancel:never"), "ran"));
  }),
  // Fails at its second step until told otherwise (POST /flaky/fix); its failure function records what it got.
  flaky: serve(
    async (context) => {
      const first = await context.run("before", () => (count("flaky:before"), "kept"));
      const second = await context.run("fragile", () => {
        count("flaky:fragile");
        if (!flakyFixed) throw new Error("fragile is broken");
        return "fixed";
      });
      const third = await context.run("after", () => (count("flaky:after"), "end"));
      return `${first} ${second} ${third}`;
    },
    {
      failureFunction: async ({ context, failStatus, failResponse }) => {
        failures.push({ workflowRunId: context.workflowRunId, failStatus, failResponse });
        return "noted";
      },
    },
  ),
  // Gives up at once: no retries.
  hopeless: serve(async (context) => {
    await context.run("doomed", () => {
      count("hopeless:doomed");
      throw new WorkflowNonRetryableError("no point in retrying");
    });
  }),
  // Hands out a webhook URL, then waits for a call to it.
  webhook: serve(async (context) => {
    const webhook = await context.createWebhook("hook");
    await context.run("share", () => (count("webhook:share"), hooks.push(webhook.webhookUrl), webhook.webhookUrl));
    const { request, timeout } = await context.waitForWebhook("callback", webhook, "1h");
    const text = timeout ? "timed out" : `${request.method} ${await request.text()}`;
    return await context.run("got", () => (count("webhook:got"), text));
  }),
  // Never ends.
  loop: serve(async (context) => {
    for (let i = 0; ; i++) await context.run(`lap ${i}`, () => (count("loop:lap"), i));
  }),
};

const child = createWorkflow(async (context) => {
  return await context.run("work", () => (count("child:work"), `child got ${context.requestPayload.n}`));
});
const parent = createWorkflow(async (context) => {
  const { body, isFailed } = await context.invoke("delegate", { workflow: child, body: { n: context.requestPayload.n } });
  return await context.run("report", () => (count("parent:report"), `${body} ${isFailed}`));
});
const many = serveMany({ parent, child });

const read = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

const json = (res, status, value) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
};

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://127.0.0.1:${server.address().port}`);
    const body = await read(req);
    const [, first, second] = url.pathname.split("/");
    if (first === "wf" || first === "many") count(`calls:${url.pathname}`);
    if (first === "counts") return json(res, 200, counts);
    if (first === "reset") {
      for (const key of Object.keys(counts)) delete counts[key];
      failures.length = 0;
      hooks.length = 0;
      flakyFixed = false;
      return json(res, 200, {});
    }
    if (first === "failures") return json(res, 200, failures);
    if (first === "hooks") return json(res, 200, hooks);
    if (first === "flaky" && second === "fix") return json(res, 200, { fixed: (flakyFixed = true) });
    if (first === "target") return json(res, 200, { echoed: JSON.parse(body.toString() || "null") });
    if (first === "client") {
      // The official client against the emulator: trigger and cancel.
      const client = new Client({ baseUrl: process.env.QSTASH_URL, token: process.env.QSTASH_TOKEN });
      if (second === "trigger") return json(res, 200, await client.trigger({ url: url.searchParams.get("url"), body: JSON.parse(body.toString()) }));
      if (second === "cancel") return json(res, 200, await client.cancel({ ids: [url.searchParams.get("id")] }));
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    const request = new Request(url, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body });
    const handler = first === "wf" ? workflows[second] : first === "many" ? many : undefined;
    if (!handler) return json(res, 404, { error: `no route ${url.pathname}` });
    const response = await handler.fetch(request, process.env);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    json(res, 500, { error: String(error?.stack ?? error) });
  }
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log(`listening on ${server.address().port}`));
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
