// Webhooks: one that times out, one an endpoint calls with its own method, headers and body. Upstream's
// webhook/workflow and webhook/caller.
import { serve } from "@upstash/workflow/nextjs";
import { expect, routeUrl, saveResult, testServe } from "../harness.mjs";

const METHOD = "POST";
const BODY = { test: "webhook-body", timestamp: 1764768991643 };
const HEADER = "X-Test-Header";
const HEADER_VALUE = "webhook-test-value";
const header = "test-header-webhook";
const headerValue = "webhook-header-value";
const payload = { test: "webhook-payload" };
const done = "webhook test completed successfully";

export default {
  "webhook/workflow": testServe(
    serve(
      async (context) => {
        expect(context.headers.get(header), headerValue);
        const unused = await context.createWebhook("timeout webhook");
        const timedOut = await context.waitForWebhook("wait for timeout webhook", unused, "1s");
        expect(timedOut.timeout, true);
        expect(timedOut.request, undefined);
        const webhook = await context.createWebhook("create webhook");
        expect(typeof webhook.webhookUrl, "string");
        expect(webhook.eventId.length > 0, true);
        const called = await context.call("call webhook caller", { url: routeUrl("webhook/caller"), method: "POST", body: JSON.stringify({ webhookUrl: webhook.webhookUrl }) });
        expect(called.status, 200);
        const { timeout, request } = await context.waitForWebhook("wait for webhook", webhook, "30s");
        expect(timeout, false);
        expect(request.url, webhook.webhookUrl);
        expect(request.method, METHOD);
        expect(request.headers.get(HEADER), HEADER_VALUE);
        const data = await request.json();
        expect(data.test, BODY.test);
        const result = await context.run("verify complete", () => {
          expect(context.requestPayload.test, payload.test);
          return done;
        });
        saveResult(context, result);
      },
      { receiver: undefined },
    ),
    { expectedCallCount: 8, expectedResult: done, headers: { [header]: headerValue }, payload },
  ),

  "webhook/caller": {
    POST: async (request) => {
      const { webhookUrl } = await request.json();
      if (!webhookUrl) return new Response("webhook URL not provided", { status: 400 });
      const response = await fetch(webhookUrl, { method: METHOD, headers: { "Content-Type": "application/json", [HEADER]: HEADER_VALUE }, body: JSON.stringify(BODY) });
      return response.ok ? new Response("webhook called", { status: 200 }) : new Response(`webhook call failed with status ${response.status}`, { status: 500 });
    },
  },
};
