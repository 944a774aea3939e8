// A workflow that checks its own caller before any step: upstream's auth/success, auth/fail and auth/custom (whose
// calls show that forged failure, callback and first requests are refused by the SDK's own checks).
import { serve } from "@upstash/workflow/nextjs";
import { ANY, ID_HEADER, ROUTE_HEADER, expect, fail, nanoid, routeUrl, saveResult, testServe } from "../harness.mjs";

const header = "test-header-foo";
const headerValue = "header-bar";
const authentication = "Bearer test-auth-super-secret";
const payload = "my-payload";
const processed = (input) => `processed '${input}'`;
const unauthenticated = "Failed to authenticate Workflow request. If this is unexpected, see the caveat https://upstash.com/docs/workflow/basics/caveats#avoid-non-deterministic-code-outside-context-run";

export default {
  // A workflow that refuses whatever reaches it without the right Authorization (none will): the SDK's own checks
  // answer first. No signature check, so the forged requests get that far.
  "auth/custom/target": serve(
    async (context) => {
      if (context.headers.get("authorization") !== nanoid()) return;
    },
    { receiver: undefined, failureFunction: async ({ context }) => fail(context) },
  ),

  "auth/success": testServe(
    serve(async (context) => {
      expect(context.requestPayload, payload);
      expect(context.headers.get(header), headerValue);
      if (context.headers.get("authentication") !== authentication) return;
      const one = await context.run("step1", () => processed(context.requestPayload));
      const two = await context.run("step2", () => processed(one));
      expect(two, processed(processed(payload)));
      saveResult(context, two);
    }),
    { expectedCallCount: 3, expectedResult: processed(processed(payload)), payload, headers: { [header]: headerValue, authentication }, triggerConfig: { retries: 0 } },
  ),

  // Refuses its caller: no step runs, and with retries 1 the run is not retried (the SDK answers 200).
  "auth/fail": testServe(
    serve(async (context) => {
      expect(context.requestPayload, payload);
      expect(context.headers.get(header), headerValue);
      if (context.headers.get("authentication") !== "not-correct") {
        saveResult(context, "auth fails");
        return;
      }
      fail(context);
    }),
    { expectedCallCount: 1, expectedResult: "auth fails", payload, headers: { [header]: headerValue, authentication }, triggerConfig: { retries: 1 } },
  ),

  // Calls a target that forwards each request, as someone would forge it, to this workflow: all three are refused.
  "auth/custom/workflow": (() => {
    const attempt = async (context, stepName, headers, expectedStatus, expectedBody, callBody) => {
      const id = context.headers.get(ID_HEADER);
      const route = context.headers.get(ROUTE_HEADER);
      const { status, body } = await context.call(stepName, {
        url: routeUrl("auth/custom/target"),
        method: "POST",
        body: callBody ?? JSON.stringify({ status: 200, header: "", body: "", url: "", sourceHeader: { [ROUTE_HEADER]: [route], [ID_HEADER]: [id] }, sourceBody: "", workflowRunId: "", sourceMessageId: "" }),
        headers: { [ID_HEADER]: id, [ROUTE_HEADER]: route, ...headers },
      });
      expect(status, expectedStatus, `status of '${stepName}'`);
      expect(typeof body, typeof expectedBody);
      expect(JSON.stringify(body), JSON.stringify(expectedBody), `body of '${stepName}'`);
    };
    return testServe(
      serve(async (context) => {
        expect(context.headers.get(header), headerValue);
        await attempt(context, "failure call should fail", { "Upstash-Workflow-Is-Failure": "true" }, 500, { error: "WorkflowError", message: "Not authorized to run the failure function.", stack: ANY });
        await attempt(context, "callback request should fail", { "Upstash-Workflow-Callback": "true" }, 400, { message: unauthenticated, workflowRunId: "no-workflow-id" });
        await attempt(context, "init call should fail", {}, 400, { message: unauthenticated, workflowRunId: "no-workflow-id" });
        expect(context.requestPayload, payload);
        saveResult(context, "not authorized for failure");
      }),
      { expectedCallCount: 7, expectedResult: "not authorized for failure", payload, headers: { [header]: headerValue, authentication }, triggerConfig: { retries: 0 } },
    );
  })(),
};
