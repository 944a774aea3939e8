// The SDK's middleware hooks, in the order a run's calls raise them: a run with a step and a sleep, one with a call,
// one whose wait times out, each invoked by a parent that then reads its log. Upstream's middleware-logs.
import { createWorkflow, serveMany } from "@upstash/workflow/nextjs";
import { WorkflowMiddleware } from "@upstash/workflow";
import { ANY, ciHeaders, expect, list, routeUrl, saveResult, testServe } from "../harness.mjs";

const logOf = (runId) => list(`middleware-log:${runId}`);
const push = (runId, line) => runId && logOf(runId).push(line);
const logging = new WorkflowMiddleware({
  name: "memoryLogging",
  callbacks: {
    runStarted: async ({ context }) => push(context.workflowRunId, "runStarted"),
    runCompleted: async ({ context, result }) => push(context.workflowRunId, `runCompleted:${JSON.stringify(result)}`),
    beforeExecution: async ({ context, stepName }) => push(context.workflowRunId, `beforeExecution:${stepName}`),
    afterExecution: async ({ context, stepName }) => push(context.workflowRunId, `afterExecution:${stepName}`),
    onError: async ({ workflowRunId, error }) => push(workflowRunId, `onError:${error.message}`),
    onWarning: async ({ workflowRunId, warning }) => push(workflowRunId, `onWarning:${warning}`),
    onInfo: async ({ workflowRunId, info }) => push(workflowRunId, `onInfo:${info}`),
  },
});

const identified = "onInfo:Run id identified. isFirstInvocation: false, unknownSdk: false";
const completed = "onInfo:Workflow endpoint execution completed successfully.";
const submitted = (step) => `onInfo:Submitted step "${step}" with messageId: ${ANY}.`;
const finished = (runId, result) => [
  `runCompleted:${JSON.stringify({ result, workflowRunId: runId })}`,
  `onInfo:Deleting workflow run ${runId} from QStash.`,
  `onInfo:Workflow run ${runId} deleted from QStash successfully.`,
  completed,
];
const checkLog = (runId, expected) => {
  const log = logOf(runId);
  expect(log.length, expected.length, `lines in the log of ${runId} (${JSON.stringify(log)})`);
  expected.forEach((line, i) => expect(log[i], line, `log line ${i + 1}`));
};

const runAndSleep = createWorkflow(async (context) => {
  expect(await context.run("run step", async () => "run-result"), "run-result");
  await context.sleep("sleep step", 1);
  return { result: "runAndSleep-complete", workflowRunId: context.workflowRunId };
});
const callWorkflow = createWorkflow(async (context) => {
  const { status, body } = await context.call("call step", { url: routeUrl("middleware-logs/called-endpoint"), method: "GET" });
  expect(status, 200);
  expect(body.message, "middleware-logs-endpoint-result");
  return { result: "call-complete", workflowRunId: context.workflowRunId };
});
const waitTimeout = createWorkflow(async (context) => {
  const { eventData, timeout } = await context.waitForEvent("wait for event", `random-event-never-triggered-${Date.now()}`, { timeout: 1 });
  expect(timeout, true);
  expect(eventData, undefined);
  return { result: "waitForEventTimeout-complete", workflowRunId: context.workflowRunId };
});

const main = createWorkflow(async (context) => {
  expect(context.requestPayload, "middleware-test-payload");
  expect(context.headers.get("test-header-middleware"), "header-middleware-value");
  const ci = ciHeaders(context);
  const one = await context.invoke("invoke runAndSleep", { workflow: runAndSleep, body: "test", headers: ci });
  expect(one.body.result, "runAndSleep-complete");
  await context.run("check logs 1", () =>
    checkLog(one.body.workflowRunId, [
      identified, "runStarted", "beforeExecution:run step", submitted("run step"), completed,
      identified, "afterExecution:run step", "beforeExecution:sleep step", submitted("sleep step"), completed,
      identified, "afterExecution:sleep step", ...finished(one.body.workflowRunId, "runAndSleep-complete"),
    ]));
  const two = await context.invoke("invoke call", { workflow: callWorkflow, body: "test", headers: ci });
  expect(two.body.result, "call-complete");
  await context.run("check logs 2", () =>
    checkLog(two.body.workflowRunId, [
      identified, "runStarted", "beforeExecution:call step", submitted("call step"), completed,
      identified, "afterExecution:call step", ...finished(two.body.workflowRunId, "call-complete"),
    ]));
  const three = await context.invoke("invoke waitForEvent", { workflow: waitTimeout, body: "test", headers: ci });
  expect(three.body.result, "waitForEventTimeout-complete");
  await context.run("check logs 3", () =>
    checkLog(three.body.workflowRunId, [
      identified, "runStarted", "beforeExecution:wait for event", completed,
      identified, "afterExecution:wait for event", ...finished(three.body.workflowRunId, "waitForEventTimeout-complete"),
    ]));
  saveResult(context, "all-middleware-tests-complete");
});

export default {
  "middleware-logs/workflows/[...]": testServe(
    serveMany({ mainWorkflow: main, runAndSleepWorkflow: runAndSleep, callWorkflow, waitForEventTimeoutWorkflow: waitTimeout }, { middlewares: [logging] }),
    {
      route: "middleware-logs/workflows/mainWorkflow",
      expectedCallCount: 15,
      expectedResult: "all-middleware-tests-complete",
      payload: "middleware-test-payload",
      headers: { "test-header-middleware": "header-middleware-value" },
      triggerConfig: { retries: 0 },
    },
  ),
  "middleware-logs/called-endpoint": {
    GET: async () => Response.json({ message: "middleware-logs-endpoint-result" }),
  },
};
