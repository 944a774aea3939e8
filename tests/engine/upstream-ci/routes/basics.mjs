// Steps, sleeps, parallel steps and the shapes of a route function: upstream's path (also through the Hono adapter),
// path-with-unknown-sdk-header, sleep, sleepWithoutAwait, async-sync-run and returns-before-step.
import { serve } from "@upstash/workflow/nextjs";
import { serve as serveHono } from "@upstash/workflow/hono";
import { Hono } from "hono";
import { expect, fail, saveResult, testServe } from "../harness.mjs";

const header = "test-header-foo";
const headerValue = "header-bar";
const quoted = "\u201cunicode-quotes\u201d";
const processed = (input) => `processed '${input}'`;

// The Hono adapter's handler as a Request-to-Response function: a Hono app serving it at every path.
const viaHono = (routeFunction, options) => {
  const app = new Hono().post("*", serveHono(routeFunction, options));
  return { POST: (request) => app.fetch(request) };
};

// Three steps over a payload with non-ASCII quotes; the second result is saved.
const path = (extraHeaders, expectedCallCount, serveWith = serve) =>
  testServe(
    serveWith(async (context) => {
      expect(context.requestPayload, quoted);
      expect(context.headers.get(header), headerValue);
      const one = await context.run("step1", async () => processed(context.requestPayload));
      expect(one, processed(quoted));
      const two = await context.run("step2", () => Promise.resolve(processed(one)));
      expect(two, processed(processed(quoted)));
      const three = await context.run("step 3", () => true);
      expect(three, true);
      saveResult(context, two);
    }),
    { expectedCallCount, expectedResult: processed(processed(quoted)), payload: quoted, headers: { [header]: headerValue, ...extraHeaders }, triggerConfig: { retries: 0 } },
  );

const since = (ms) => Date.now() - ms;

export default {
  path: path({}, 4),
  // The same workflow, started with a header that asks the SDK to announce an unknown SDK: one call more.
  "path-with-unknown-sdk-header": path({ "Upstash-Workflow-Unknown-Sdk": "true" }, 5),
  // The same workflow through the SDK's Hono adapter.
  "hono/path": path({}, 4, viaHono),

  // sleepUntil three seconds ahead, then sleep two: each gap is at least that long in real time.
  sleep: testServe(
    serve(async (context) => {
      expect(context.requestPayload, undefined);
      expect(context.headers.get(header), headerValue);
      const start = await context.run("step1", () => Date.now());
      await context.sleepUntil("sleep1", Date.now() / 1000 + 3);
      const middle = await context.run("step2", () => Date.now());
      if (middle - start < 3000) throw new Error("sleepUntil was not applied");
      await context.sleep("sleep2", 2);
      const end = await context.run("step3", () => Date.now());
      if (end - middle < 2000) throw new Error("sleep was not applied");
      saveResult(context, "foobar");
    }),
    { expectedCallCount: 6, expectedResult: "foobar", payload: undefined, headers: { [header]: headerValue }, triggerConfig: { retries: 0 } },
  ),

  // A charge attempted three times with sleeps between, then two steps and a sleep in parallel.
  sleepWithoutAwait: (() => {
    const invoice = { date: 123, email: "my@mail.com", amount: 10 };
    return testServe(
      serve(async (context) => {
        expect(JSON.stringify(context.requestPayload), JSON.stringify(invoice));
        let charge = { invoice: context.requestPayload, success: false, counter: 0 };
        for (let attempt = 0; attempt < 3; attempt++) {
          charge = await context.run("attemptCharge", () => {
            const counter = charge.counter + 1;
            return { invoice: charge.invoice, success: counter === 3, counter: counter === 3 ? 0 : counter };
          });
          if (charge.success) {
            const [amount, email, slept] = await Promise.all([
              context.run("updateDb", () => charge.invoice.amount),
              context.run("sendReceipt", () => charge.invoice.email),
              context.sleep("sleep", 5),
            ]);
            expect(amount, 10);
            expect(email, "my@mail.com");
            expect(slept, undefined);
            saveResult(context, "foobar");
            return;
          }
          await context.sleep("retrySleep", 2);
        }
        await context.run("paymentFailed", () => true);
      }),
      { expectedCallCount: 12, expectedResult: "foobar", payload: invoice, headers: { [header]: headerValue }, triggerConfig: { retries: 0 } },
    );
  })(),

  // Async, sync and sync-returning-a-promise step functions.
  "async-sync-run": testServe(
    serve(async (context) => {
      expect(context.requestPayload, "my-payload");
      expect(context.headers.get(header), headerValue);
      const one = await context.run("async step", async () => "result1");
      const two = await context.run("sync step", () => "result2");
      const three = await context.run("sync step returning promise", () => Promise.resolve("result3"));
      saveResult(context, `${one} ${two} ${three}`);
    }),
    { expectedCallCount: 4, expectedResult: "result1 result2 result3", payload: "my-payload", headers: { [header]: headerValue }, triggerConfig: { retries: 0 } },
  ),

  // Returns before any step on its first call (the SDK answers 400), so the failure function runs; it needs a
  // step of its own to pass the SDK's check.
  "returns-before-step": (() => {
    const seen = new Map();
    return testServe(
      serve(
        async (context) => {
          const id = context.headers.get("Ci-Test-Id");
          const count = (seen.get(id) ?? 0) + 1;
          seen.set(id, count);
          if (count === 1) return;
          if (count === 2) await context.run("mock step", () => {});
          fail(context);
        },
        {
          failureFunction: async ({ context, failStatus, failResponse }) => {
            expect(failStatus, 400);
            expect(failResponse, "Failed to authenticate Workflow request. If this is unexpected, see the caveat https://upstash.com/docs/workflow/basics/caveats#avoid-non-deterministic-code-outside-context-run");
            saveResult(context, "super-secret-key");
          },
        },
      ),
      { expectedCallCount: 2, expectedResult: "super-secret-key", payload: undefined, triggerConfig: { retries: 0 } },
    );
  })(),
};
