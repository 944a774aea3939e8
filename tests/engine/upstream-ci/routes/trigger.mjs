// Runs started other ways than the client's trigger of a workflow: the trigger REST API pointed at an endpoint that
// is no workflow, at a workflow with and without an unknown-SDK header, and at a plain POST handler; and calls whose
// retries exceed the plan. Upstream's trigger-non-workflow, qstash-trigger-fetch and quota-error.
import { createWorkflow, serve, serveMany } from "@upstash/workflow/nextjs";
import { WorkflowNonRetryableError } from "@upstash/workflow";
import { ID_HEADER, ROUTE_HEADER, ciHeaders, expect, fail, routeUrl, saveResult, testServe, workflowClient } from "../harness.mjs";

const NON_WORKFLOW_RESPONSE = "super-secret-response-foo";
const TRIGGER_HEADER = "X-Qstash-Trigger-Test";
const TRIGGER_HEADER_VALUE = "qstash-trigger-test-value";
const WEBHOOK_RESULT = "workflow-webhook-completed";
const THIRD_ENDPOINT_RESULT = { success: true, message: "third endpoint success" };
// What upstream's suite sends with its first trigger: an object of 5 MB.
const largeObject = "x".repeat(5 * 1024 * 1024);

// Reads a run's logs until it failed (a few tries, as the suite does), or throws.
const failedRun = async (workflowRunId) => {
  for (let i = 0; i < 10; i++) {
    const { runs } = await workflowClient().logs({ workflowRunId });
    if (runs[0]?.workflowState === "RUN_FAILED") return runs[0];
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new WorkflowNonRetryableError(`run ${workflowRunId} did not fail`);
};

const triggerRest = (path, headers, body) =>
  fetch(`${process.env.QSTASH_URL}/v2/trigger/${routeUrl(path)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.QSTASH_TOKEN}`, "Upstash-Retries": "0", ...headers },
    body: JSON.stringify(body),
  });

const mainWorkflow = createWorkflow(async (context) => {
  expect(context.headers.get("test-header-qstash-trigger"), "qstash-trigger-header-value");
  expect(context.requestPayload.test, "qstash-trigger-payload");
  const webhook = await context.createWebhook("create webhook");
  const forwarded = {
    [`upstash-forward-${TRIGGER_HEADER}`]: TRIGGER_HEADER_VALUE,
    [`upstash-forward-${ID_HEADER}`]: context.headers.get(ID_HEADER),
    [`upstash-forward-${ROUTE_HEADER}`]: context.headers.get(ROUTE_HEADER),
  };
  // The same workflow started twice through the trigger REST API: announcing an unknown SDK with a large body, and not.
  for (const [unknown, body] of [[true, { webhookUrl: webhook.webhookUrl, largeObject }], [false, { webhookUrl: webhook.webhookUrl }]]) {
    const ok = await context.run("call workflow endpoint", async () => {
      const response = await triggerRest("qstash-trigger-fetch/workflows/webhookWorkflow", { ...forwarded, ...(unknown ? { "Upstash-Workflow-Unknown-Sdk": "true" } : {}) }, body);
      if (!response.ok) throw new WorkflowNonRetryableError(`trigger failed with ${response.status}: ${await response.text()}`);
      return response.ok;
    });
    expect(ok, true);
  }
  // A plain handler started the same way: it answers as a workflow would, but never continues the run.
  const started = await context.run("call post endpoint", async () => {
    const response = await triggerRest("qstash-trigger-fetch/post", { [`upstash-forward-${TRIGGER_HEADER}`]: TRIGGER_HEADER_VALUE }, { data: "test-data" });
    if (!response.ok) throw new WorkflowNonRetryableError(`trigger failed with ${response.status}: ${await response.text()}`);
    return response.json();
  });
  expect(typeof started.workflowRunId, "string");
  expect(typeof started.workflowCreatedAt, "number");
  for (let i = 0; i < 2; i++) {
    const { timeout, request } = await context.waitForWebhook("wait for webhook", webhook, "30s");
    expect(timeout, false);
    expect(request.method, "POST");
    expect((await request.json()).result, WEBHOOK_RESULT);
  }
  const result = await context.run("verify complete", async () => {
    const run = await failedRun(started.workflowRunId);
    expect(run.steps.length, 2, "groups in the failed run's log");
    expect(run.steps[0].steps[0].state, "STEP_SUCCESS");
    const next = run.steps[1];
    if (next.type !== "next") throw new WorkflowNonRetryableError(`the failed group is '${next.type}', not 'next'`);
    expect(next.steps[0].errors?.[0]?.error, "trigger rest api is only usable with sdk versions after v1.0.0 major version");
    return "qstash-trigger test completed successfully";
  });
  await context.sleep("sleep before finish to ensure all requests arrive", 2);
  saveResult(context, result);
});

const webhookWorkflow = createWorkflow(async (context) => {
  const { webhookUrl } = context.requestPayload;
  if (!webhookUrl) throw new Error("webhook URL not provided");
  const seen = context.headers.get(TRIGGER_HEADER);
  if (seen !== TRIGGER_HEADER_VALUE) throw new Error(`expected ${TRIGGER_HEADER} ${TRIGGER_HEADER_VALUE}, got ${seen}`);
  await context.run("do work", () => "work completed");
  const called = await context.run("call webhook", async () => {
    const response = await fetch(webhookUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ result: WEBHOOK_RESULT }) });
    if (!response.ok) throw new Error(`webhook call failed with ${response.status}`);
    return response.ok;
  });
  return { success: true, webhookCalled: called };
});

// Two runs whose calls ask for more retries than the plan allows: each fails with the SDK's 489.
const HUGE_RETRY = 1_000_000;
const target = () => routeUrl("quota-error/target");
const singleCallWorkflow = createWorkflow(async (context) => {
  await context.call("huge retry call", { url: target(), method: "GET", retries: HUGE_RETRY });
});
const parallelCallWorkflow = createWorkflow(async (context) => {
  await Promise.all([
    context.call("normal call", { url: target(), method: "GET", retries: 0 }),
    context.call("huge retry call", { url: target(), method: "GET", retries: HUGE_RETRY }),
  ]);
});
const quotaMain = createWorkflow(async (context) => {
  expect(context.headers.get("test-header-quota-error"), "quota-error-header-value");
  const [single, parallel] = await Promise.all([
    context.call("call single call workflow", { workflow: singleCallWorkflow, body: "test", headers: ciHeaders(context), retries: 0 }),
    context.call("call parallel call workflow", { workflow: parallelCallWorkflow, body: "test", headers: ciHeaders(context), retries: 0 }),
  ]);
  expect(typeof single.body.workflowRunId, "string");
  expect(typeof parallel.body.workflowRunId, "string");
  await context.sleep("wait for sub-workflows to fail", 5);
  await context.run("check single call logs", async () => {
    const group = (await failedRun(single.body.workflowRunId)).steps.find((s) => s.type === "next");
    if (!group) throw new WorkflowNonRetryableError("no 'next' group in the single call's logs");
    expect(group.steps[0].state, "STEP_FAILED");
    expect(group.steps[0].errors?.[0]?.status, 489, "status of the failed call");
  });
  await context.run("check parallel call logs", async () => {
    const group = (await failedRun(parallel.body.workflowRunId)).steps.find((s) => s.type === "parallel");
    const failed = group?.steps.find((s) => s.state === "STEP_FAILED");
    if (!failed) throw new WorkflowNonRetryableError("no failed step in a 'parallel' group of the parallel call's logs");
    expect(failed.errors?.[0]?.status, 489, "status of the failed call");
  });
  saveResult(context, "quota-error-test-complete");
});

export default {
  "trigger-non-workflow/workflow": testServe(
    serve(async (context) => {
      const { workflowRunId } = await context.run("trigger non-workflow", () => workflowClient().trigger({ url: routeUrl("trigger-non-workflow/non-workflow") }));
      await context.sleep("wait before checking logs", 5);
      const errorBody = await context.run("check run logs", async () => {
        const run = await failedRun(workflowRunId);
        expect(run.steps.length, 2, "groups in the failed run's log");
        const second = run.steps[1];
        expect(second.type, "next");
        expect(second.steps[0].state, "STEP_FAILED");
        expect(second.steps[0].errors?.length, 1, "errors of the failed step");
        expect(second.steps[0].errors[0].error, "detected a non-workflow destination for trigger/invoke. make sure you are sending the request to the correct endpoint");
        return second.steps[0].errors[0].body;
      });
      saveResult(context, errorBody);
    }),
    { expectedCallCount: 4, expectedResult: NON_WORKFLOW_RESPONSE, payload: NON_WORKFLOW_RESPONSE, headers: { "test-header-foo": "header-bar" }, triggerConfig: { retries: 0 } },
  ),
  "trigger-non-workflow/non-workflow": { POST: async () => new Response(NON_WORKFLOW_RESPONSE, { status: 200 }) },

  "qstash-trigger-fetch/workflows/[...]": testServe(serveMany({ mainWorkflow, webhookWorkflow }, { receiver: undefined, failureFunction: async ({ context }) => fail(context) }), {
    route: "qstash-trigger-fetch/workflows/mainWorkflow",
    expectedCallCount: 16,
    expectedResult: "qstash-trigger test completed successfully",
    payload: { test: "qstash-trigger-payload" },
    headers: { "test-header-qstash-trigger": "qstash-trigger-header-value" },
    triggerConfig: { retries: 0 },
  }),
  "qstash-trigger-fetch/post": {
    POST: async (request) => {
      const seen = request.headers.get(TRIGGER_HEADER);
      if (seen !== TRIGGER_HEADER_VALUE) return Response.json({ error: `expected ${TRIGGER_HEADER} ${TRIGGER_HEADER_VALUE}, got ${seen}` }, { status: 400 });
      return new Response(JSON.stringify(THIRD_ENDPOINT_RESULT), { status: 200, headers: { "Content-Type": "application/json", "Upstash-Workflow-Sdk-Version": "1" } });
    },
  },

  "quota-error/workflows/[...]": testServe(serveMany({ mainWorkflow: quotaMain, singleCallWorkflow, parallelCallWorkflow }, { receiver: undefined, failureFunction: async ({ context }) => fail(context) }), {
    route: "quota-error/workflows/mainWorkflow",
    expectedCallCount: 15,
    expectedResult: "quota-error-test-complete",
    payload: "quota-error-payload",
    headers: { "test-header-quota-error": "quota-error-header-value" },
    triggerConfig: { retries: 0 },
  }),
  // Stands in for the public status service upstream's suite calls: it answers 200, after about an internet round
  // trip, as that host does (a call answered at once calls back before its run has failed).
  "quota-error/target": { GET: async () => { await new Promise((r) => setTimeout(r, 500)); return new Response("200 OK", { status: 200 }); } },
};
