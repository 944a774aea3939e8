// waitForEvent: a wait that times out, waits notified by the official client and by another workflow's
// context.notify (text and an object), and that other workflow started by a plain POST from context.call. Upstream's
// wait-for-event/workflow, notifier and notifier-workflow.
import { serve } from "@upstash/workflow/nextjs";
import { checkResult, expect, nanoid, routeUrl, saveResult, saveResultFor, testServe, workflowClient } from "../harness.mjs";

const NOTIFIER_WORKFLOW_ROUTE = "wait-for-event/notifier-workflow";
const NOTIFIER_RESULT = "super-secret-foo";
const SDK_EVENT_DATA = "notifying-with-sdk";
const TEXT_EVENT_DATA = "notifying-with-text-foo";
const OBJECT_EVENT_DATA = { notifying: "object", with: 1 };
const NOTIFIER_SECRET = "notifier-secret";
const header = "test-header-foo";
const headerValue = "header-foo";
const payload = "my-payload";

// Notifies until a waiter took the event, sleeping a second before each try.
const notifyUntilTaken = async (context, what, eventId, data) => {
  for (let i = 1; i <= 3; i++) {
    await context.sleep(`sleeping before ${what} ${i}/3`, 1);
    const { notifyResponse } = await context.notify(`notify with ${what} ${i}/3`, eventId, data);
    if (notifyResponse.length) return;
  }
  throw new Error(`failed to notify with ${what}`);
};

export default {
  "wait-for-event/workflow": testServe(
    serve(async (context) => {
      const input = context.requestPayload;
      expect(context.headers.get(header), headerValue);
      const first = await context.waitForEvent("wait for event which should timeout", `random-event-${nanoid()}`, { timeout: 1 });
      expect(first.eventData, undefined);
      expect(first.timeout, true);
      expect(input, payload);
      const config = await context.run("get config", () => ({
        sdkEventId: `sdk-event-${nanoid()}`,
        textEventId: `text-event-${nanoid()}`,
        objectEventId: `object-event-${nanoid()}`,
        redisEntryId: `notifier-workflow-${nanoid()}`,
      }));
      const [notifier, sdk] = await Promise.all([
        context.call("start notifying workflow", { url: routeUrl("wait-for-event/notifier"), method: "POST", body: JSON.stringify(config), headers: { authorization: `Bearer ${NOTIFIER_SECRET}` } }),
        context.waitForEvent("wait sdk", config.sdkEventId, { timeout: "5s" }),
      ]);
      expect(notifier.status, 200);
      expect(notifier.body, "notifying...");
      expect(sdk.timeout, false);
      expect(sdk.eventData, SDK_EVENT_DATA);
      const [started, text] = await Promise.all([
        context.call("start notifying workflow", { url: routeUrl(NOTIFIER_WORKFLOW_ROUTE), method: "POST", body: JSON.stringify(config), retries: 0 }),
        context.waitForEvent("wait text", config.textEventId, { timeout: 5 }),
      ]);
      expect(started.status, 200);
      expect(Boolean(started.body.workflowRunId), true);
      expect(text.timeout, false);
      expect(text.eventData, TEXT_EVENT_DATA);
      const object = await context.waitForEvent("wait object", config.objectEventId, { timeout: "5s" });
      expect(object.timeout, false);
      expect(JSON.stringify(object.eventData), JSON.stringify(OBJECT_EVENT_DATA));
      await context.sleep("sleep before checking other workflow", 1);
      await context.run("check that other workflow has finished.", () => checkResult(NOTIFIER_WORKFLOW_ROUTE, config.redisEntryId, -1, NOTIFIER_RESULT, 0));
      saveResult(context, `${TEXT_EVENT_DATA} - ${JSON.stringify(OBJECT_EVENT_DATA)}`);
    }),
    { expectedCallCount: 16, expectedResult: `${TEXT_EVENT_DATA} - ${JSON.stringify(OBJECT_EVENT_DATA)}`, payload, headers: { [header]: headerValue }, triggerConfig: { retries: 0 } },
  ),

  // Answers at once and notifies through the official client a second later.
  "wait-for-event/notifier": {
    POST: async (request) => {
      if (request.headers.get("authorization") !== `Bearer ${NOTIFIER_SECRET}`) return new Response("unauthorized.", { status: 401 });
      const { sdkEventId } = await request.json();
      setTimeout(() => workflowClient().notify({ eventId: sdkEventId, eventData: SDK_EVENT_DATA }).catch((e) => console.error("notify failed", e)), 1000);
      return new Response("notifying...", { status: 200 });
    },
  },

  [NOTIFIER_WORKFLOW_ROUTE]: serve(async (context) => {
    await notifyUntilTaken(context, "text", context.requestPayload.textEventId, TEXT_EVENT_DATA);
    await notifyUntilTaken(context, "object", context.requestPayload.objectEventId, OBJECT_EVENT_DATA);
    await context.run("save result", () => saveResultFor(NOTIFIER_WORKFLOW_ROUTE, context.requestPayload.redisEntryId, NOTIFIER_RESULT, -1));
  }),
};
