// context.invoke and context.call of another workflow: results, labels, run ids, invoke counts, a failing child, and
// parallel branches that wait for and notify each other. Upstream's invoke/workflows, invoke/called-endpoint and
// invoke-parent-failure.
import { createWorkflow, serveMany } from "@upstash/workflow/nextjs";
import { WorkflowNonRetryableError } from "@upstash/workflow";
import { ciHeaders, expect, fail, nanoid, routeUrl, saveResult, testServe, workflowClient } from "../harness.mjs";

const testHeader = "test-header-foo";
const headerValue = "header-foo";
const invokePayload = "invoke-payload";
const invokeResult = "invoke-result";
const BRANCH_ONE_RESULT = { "branch-one": "result" };
const BRANCH_TWO_RESULT = "branch-two-result";
const invokeHeader = "invoke-header";
const invokeHeaderValue = "invoke-header-value";
const invokeLabel = "invoke-label";
const runIdHeader = "workflow-run-id-header";
const notifiedEventId = "notifiedEvent";

// The SDK's own count of invocations, a private field upstream's suite reads as well.
const invokeCount = (context) => context.executor.invokeCount;

const workflowFour = createWorkflow(async (context) => {
  await context.run("mock", () => {});
});
const workflowThree = createWorkflow(async (context) => {
  if (context.requestPayload !== invokePayload) fail(context);
  throw new Error("what");
});
const branchOne = createWorkflow(async (context) => {
  const { timeout } = await context.waitForEvent("timeoutEvent", "timeoutEvent", { timeout: 1 });
  expect(timeout, true);
  expect(invokeCount(context), 2, "invokeCount");
  const notified = await context.waitForEvent("notified event", notifiedEventId, { timeout: "20s" });
  expect(notified.timeout, false);
  await context.sleep("check", 1);
  return BRANCH_ONE_RESULT;
});
const branchTwo = createWorkflow(async (context) => {
  const { status } = await context.call("call", { url: routeUrl("invoke/called-endpoint"), method: "GET" });
  expect(status, 200);
  expect(invokeCount(context), 2, "invokeCount");
  await context.sleep("wait", 5);
  const { notifyResponse } = await context.notify("notified event", notifiedEventId, "data");
  expect(notifyResponse.length > 0, true);
  await context.sleep("check", 1);
  return BRANCH_TWO_RESULT;
});
const workflowTwo = createWorkflow(async (context) => {
  expect(context.requestPayload, invokePayload);
  expect(context.headers.get(invokeHeader), invokeHeaderValue);
  expect(context.workflowRunId, `wfr_${context.headers.get(runIdHeader)}`);
  expect(context.label, invokeLabel);
  await context.run("step 1", () => {});
  expect(invokeCount(context), 1, "invokeCount");
  await context.run("step 2", () => {});
  const [one, two] = await Promise.all([
    context.invoke("invoke branch one", { workflow: branchOne, body: 1, headers: ciHeaders(context) }),
    context.invoke("invoke branch two", { workflow: branchTwo, body: 2, headers: ciHeaders(context) }),
  ]);
  expect(JSON.stringify(one.body), JSON.stringify(BRANCH_ONE_RESULT));
  expect(two.body, BRANCH_TWO_RESULT);
  return invokeResult;
});
const workflowOne = createWorkflow(async (context) => {
  expect(context.headers.get(testHeader), headerValue);
  const workflowRunId = await context.run("step 1", () => nanoid());
  const invoked = await context.invoke("invoking other", {
    workflow: workflowTwo,
    body: invokePayload,
    headers: { [invokeHeader]: invokeHeaderValue, [runIdHeader]: workflowRunId, ...ciHeaders(context) },
    workflowRunId,
    label: invokeLabel,
  });
  expect(invoked.body, invokeResult);
  expect(invoked.isCanceled, false);
  expect(invoked.isFailed, false);
  const called = await context.call("call workflow", { workflow: workflowFour, body: invokePayload, headers: ciHeaders(context), retries: 0 });
  expect(typeof called.body.workflowRunId, "string");
  const failing = await context.invoke("invoke failing", { workflow: workflowThree, body: invokePayload, headers: ciHeaders(context), retries: 0 });
  expect(failing.body, undefined, "a failed run's body");
  expect(failing.isCanceled, false);
  expect(failing.isFailed, true);
  await context.run("step 2", () => {});
  await context.sleep("sleep so that the async workflowFour finishes", 3);
  saveResult(context, "done invoke");
});

// A parent whose child fails inside a parallel group while another branch (an invoke) succeeds.
const FAILING_STEP = "failing step";
const INVOKE_CHILD = "invoke child";
const grandchild = createWorkflow(async (context) => {
  await context.sleep("sleep 3s", 3);
  await context.run("child step", () => {});
});
const child = createWorkflow(async (context) => {
  await Promise.all([
    context.invoke(INVOKE_CHILD, { workflow: grandchild, body: undefined, headers: ciHeaders(context) }),
    context.run(FAILING_STEP, async () => {
      await new Promise((r) => setTimeout(r, 1000));
      throw new WorkflowNonRetryableError("step failed");
    }),
  ]);
});
const parent = createWorkflow(async (context) => {
  const runId = await context.run("step 1", () => `workflow-run-id-${nanoid()}`);
  await context.invoke(INVOKE_CHILD, { workflow: child, body: undefined, headers: ciHeaders(context), workflowRunId: runId });
  await context.run("verify step", async () => {
    for (let i = 0; i < 30; i++) {
      const { runs } = await workflowClient().logs({ workflowRunId: `wfr_${runId}` });
      const group = runs[0]?.steps[1];
      if (group?.type === "parallel") {
        const invoked = group.steps?.find((s) => s.stepName === INVOKE_CHILD);
        const failed = group.steps?.find((s) => s.stepName === FAILING_STEP);
        if (invoked?.state === "STEP_SUCCESS" && failed?.state === "STEP_FAILED") return { success: true };
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new WorkflowNonRetryableError("child workflow did not fail within expected time");
  });
  saveResult(context, "done invoke");
});

export default {
  "invoke/workflows/[...]": testServe(serveMany({ workflowOne, workflowTwo, workflowThree, workflowFour, branchOne, branchTwo }), {
    route: "invoke/workflows/workflowOne",
    expectedCallCount: 30,
    expectedResult: "done invoke",
    payload: 123,
    headers: { [testHeader]: headerValue },
  }),
  "invoke/called-endpoint": {
    GET: async (request) => {
      expect(request.headers.get("upstash-workflow-invoke-count"), "2");
      return new Response(JSON.stringify({}), { status: 200 });
    },
  },
  "invoke-parent-failure/[...]": testServe(serveMany({ workflow: parent, testWorkflow: child, childWorkflow: grandchild }), {
    route: "invoke-parent-failure/workflow",
    expectedCallCount: 11,
    expectedResult: "done invoke",
    payload: undefined,
  }),
};
