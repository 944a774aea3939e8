// A step that throws: the failure function gets the status and the error, with the run's payload, headers and label;
// a failure URL gets the service's failure callback. Upstream's failureFunction, failureFunction-retry,
// failureFunction-nonRetryable and failureUrl; failureFunction again through the Express adapter, which re-serializes
// the JSON it parsed before the SDK checks the failure callback's body.
import { serve } from "@upstash/workflow/nextjs";
import { serve as serveExpress } from "@upstash/workflow/express";
import { WorkflowNonRetryableError } from "@upstash/workflow";
import { ANY, ID_HEADER, LABEL_HEADER, ROUTE_HEADER, checkResult, expect, increment, saveResult, saveResultFor, testServe } from "../harness.mjs";

const header = "test-header-foo";
const headerValue = "header-bar";
const authentication = "Bearer super-secret-token";

// Throws at its first step; the failure function checks what it is given and saves the error.
const failing = (serveWith, { error, failStatus, payload, label }) =>
  serveWith(
    async (context) => {
      expect(context.requestPayload, payload);
      expect(context.headers.get(header), headerValue);
      expect(context.headers.get(LABEL_HEADER), label);
      expect(context.label, label);
      await context.run("step1", () => {
        throw error();
      });
    },
    {
      failureFunction: async ({ context, failStatus: status, failResponse }) => {
        expect(status, failStatus, "failStatus");
        expect(failResponse, error().message);
        expect(context.requestPayload, payload);
        expect(context.headers.get("authentication"), authentication);
        expect(context.headers.get(LABEL_HEADER), label);
        expect(context.label, label);
        saveResult(context, failResponse);
      },
    },
  );

const plain = { error: () => new Error("my-error"), failStatus: 500, payload: undefined, label: "my-label" };
const nonRetryable = { error: () => new WorkflowNonRetryableError("my-non-retryable-error"), failStatus: 489, payload: "my-payload", label: "my-non-retryable-label" };
const failingConfig = ({ error, payload, label }) => ({
  expectedCallCount: 2,
  expectedResult: error().message,
  payload,
  headers: { [header]: headerValue, authentication },
  triggerConfig: { retries: 0, label },
});

export default {
  failureFunction: testServe(failing(serve, plain), failingConfig(plain)),
  "failureFunction-nonRetryable": testServe(failing(serve, nonRetryable), failingConfig(nonRetryable)),
  "express/failureFunction": { express: failing(serveExpress, plain), config: failingConfig(plain) },

  // One retry: the step runs twice, then the failure function.
  "failureFunction-retry": testServe(
    serve(
      async (context) => {
        expect(context.requestPayload, "my-payload");
        expect(context.headers.get(header), headerValue);
        await context.run("step1", () => {
          increment("failureFunction-retry-steps", context.headers.get(ID_HEADER));
          throw new Error("my-error");
        });
      },
      {
        failureFunction: async ({ context, failStatus, failResponse }) => {
          expect(failStatus, 500);
          expect(failResponse, "my-error");
          expect(context.headers.get("authentication"), authentication);
          const id = context.headers.get(ID_HEADER);
          saveResultFor("failureFunction-retry-steps", id, "");
          await checkResult("failureFunction-retry-steps", id, 2, "", 0);
          saveResult(context, failResponse);
        },
      },
    ),
    { expectedCallCount: 3, expectedResult: "my-error", payload: "my-payload", headers: { [header]: headerValue, authentication }, triggerConfig: { retries: 1 } },
  ),

  "failureUrl/workflow": testServe(
    serve(async (context) => {
      expect(context.requestPayload, "my-payload-zed");
      expect(context.headers.get("Test-Header-Foo"), "header-bar");
      await context.run("step1", () => {
        throw new Error("my-error-zed");
      });
    }),
    {
      expectedCallCount: 1,
      expectedResult: `{"error":"Error","message":"my-error-zed","stack":${ANY}}`,
      payload: "my-payload-zed",
      headers: { "Test-Header-Foo": "header-bar" },
      triggerConfig: { retries: 0, failureUrl: "failureUrl/third-party" },
    },
  ),
  // The failure URL: the service's callback, its body the failed step's answer in base64, with the run's headers.
  "failureUrl/third-party": {
    POST: async (request) => {
      const callback = await request.json();
      const error = Buffer.from(callback.body, "base64").toString("utf8");
      expect(error, `{"error":"Error","message":"my-error-zed","stack":${ANY}}`);
      expect(request.headers.get("Test-Header-Foo"), "header-bar");
      saveResultFor(request.headers.get(ROUTE_HEADER), request.headers.get(ID_HEADER), error);
      return new Response("", { status: 200 });
    },
  },
};
