// context.call: every method, the answer's status, headers and body as the SDK hands them back, and a failing call
// under a failure function or a failure URL. Upstream's call/workflow, call/third-party,
// call/workflow-with-failureFunction and call/workflow-with-failureUrl.
import { serve } from "@upstash/workflow/nextjs";
import { expect, fail, routeUrl, saveResult, testServe } from "../harness.mjs";

const FAILING_HEADER = "Fail-Header-Foo";
const FAILING_HEADER_VALUE = "fail-header-value-BAR";
const GET_HEADER = "Get-Header";
const GET_HEADER_VALUE = "get-header-value-FOO";
const PATCH_RESULT = 99999999;
const DELETE_RESULT = { foo: "bar", zed: 2, unicode: "`\u201cX\u201d - \u{10437}\u{10436}\u{10439}`" };
const CUSTOM_CONTENT_TYPE = "application/x-www-form-urlencoded";

const testHeader = "test-header-foo";
const headerValue = "header-foo";
const payload = "my-payload";
const thirdParty = () => routeUrl("call/third-party");
const called = "third-party-result";

// A call that fails (401) with no retries: its answer is still the step's result.
const patchOnce = (options, triggerConfig) =>
  testServe(
    serve(async (context) => {
      const { body, status, header } = await context.call("get call", { url: thirdParty(), method: "PATCH", retries: 0 });
      expect(status, 401);
      expect(body, PATCH_RESULT);
      expect(header[FAILING_HEADER]?.[0], FAILING_HEADER_VALUE, `header ${FAILING_HEADER}`);
      saveResult(context, body.toString());
    }, options),
    { expectedCallCount: 3, expectedResult: PATCH_RESULT.toString(), payload, headers: { [testHeader]: headerValue }, triggerConfig },
  );

export default {
  "call/third-party": {
    GET: async (request) => new Response(`called GET '${called}' '${request.headers.get("get-header")}'`, { status: 200, headers: { [GET_HEADER]: GET_HEADER_VALUE } }),
    POST: async (request) => {
      expect(request.headers.get("content-type"), CUSTOM_CONTENT_TYPE);
      return new Response(`called POST '${called}' '${request.headers.get("post-header")}' '${await request.text()}'`, { status: 201 });
    },
    PATCH: async () => new Response(PATCH_RESULT.toString(), { status: 401, headers: { [FAILING_HEADER]: FAILING_HEADER_VALUE } }),
    DELETE: async () => new Response(JSON.stringify(DELETE_RESULT), { status: 400 }),
    PUT: async () => new Response(undefined, { status: 300 }),
  },

  "call/workflow": testServe(
    serve(async (context) => {
      const input = context.requestPayload;
      expect(context.headers.get(testHeader), headerValue);
      const post = await context.call("post call", {
        url: thirdParty(),
        method: "POST",
        body: "post-payload",
        headers: { "post-header": "post-header-value-x", "content-type": CUSTOM_CONTENT_TYPE },
      });
      expect(input, payload);
      expect(post.status, 201);
      expect(post.body, `called POST '${called}' 'post-header-value-x' 'post-payload'`);
      await context.sleep("sleep 1", 2);
      const get = await context.call("get call", { url: thirdParty(), headers: { "get-header": "get-header-value-x" } });
      expect(get.status, 200);
      expect(get.header[GET_HEADER]?.[0], GET_HEADER_VALUE, `header ${GET_HEADER}`);
      expect(get.body, `called GET '${called}' 'get-header-value-x'`);
      const patch = await context.call("patch call", { url: thirdParty(), headers: { "get-header": "get-header-value-x" }, method: "PATCH", retries: 1, retryDelay: "1000" });
      expect(patch.status, 401);
      expect(patch.body, PATCH_RESULT);
      expect(patch.header[FAILING_HEADER]?.[0], FAILING_HEADER_VALUE, `header ${FAILING_HEADER}`);
      // An answer without a body is "".
      const put = await context.call("put call", { url: thirdParty(), method: "PUT", retries: 0 });
      expect(put.status, 300);
      expect(put.body, "");
      const del = await context.call("delete call", { url: thirdParty(), method: "DELETE", retries: 0 });
      expect(del.status, 400);
      expect(typeof del.body, "object");
      expect(JSON.stringify(del.body), JSON.stringify(DELETE_RESULT));
      saveResult(context, get.body);
    }),
    { expectedCallCount: 12, expectedResult: `called GET '${called}' 'get-header-value-x'`, payload, headers: { [testHeader]: headerValue }, triggerConfig: { retries: 0, retryDelay: "1000" } },
  ),

  "call/workflow-with-failureFunction": patchOnce({ failureFunction: async ({ context }) => fail(context) }, { retries: 0 }),
  // A failure URL that would be called were the run to fail (it does not: a failed call is a result).
  "call/workflow-with-failureUrl": patchOnce(undefined, { retries: 0, failureUrl: "call/third-party" }),
};
