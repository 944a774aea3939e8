// What every route of the upstream CI port shares: the two headers a test run is known by, an in-memory store in place
// of the Redis upstream's suite uses (call counts, saved results, failure marks), the wrapper that counts each call of
// a workflow endpoint, and the suite's loose equality (a string may hold ANY for a part that varies).
import { Client } from "@upstash/workflow";

export const ID_HEADER = "Ci-Test-Id";
export const ROUTE_HEADER = "Ci-Test-Route";
export const LABEL_HEADER = "upstash-label";
// Plain text, so it survives a JSON.stringify of the value that holds it.
export const ANY = "__any_string__";

/** The app's own address, set once the server listens: where the emulator delivers and calls. */
export const site = { base: "" };
export const routeUrl = (route) => `${site.base}/test-routes/${route}`;

/** The official client, built when first used (the variables are the process's). */
let client;
export const workflowClient = () =>
  (client ??= new Client({ baseUrl: process.env.QSTASH_URL, token: process.env.QSTASH_TOKEN }));

export const nanoid = () => Math.floor(Math.random() * 1e9).toString(36);

// key -> number | { callCount, result, id } | true
const store = new Map();
const key = (kind, route, id) => `${kind}:${route}:${id}`;

export const increment = (route, id) => {
  const k = key("count", route, id);
  store.set(k, (store.get(k) ?? 0) + 1);
};
export const read = (kind, route, id) => store.get(key(kind, route, id));
export const list = (name) => store.get(name) ?? store.set(name, []).get(name);

/** Saves a route's result with the calls counted so far (or the given count), as upstream's saveResultsWithoutContext. */
export const saveResultFor = (route, id, result, callCount) => {
  const count = callCount ?? read("count", route, id) ?? 0;
  if (count === 0) throw new Error(`no call counted for '${route}'`);
  store.set(key("result", route, id), { callCount: count, result, id });
};

const known = (headers) => {
  const id = headers.get(ID_HEADER);
  const route = headers.get(ROUTE_HEADER);
  if (!id || !route) throw new Error(`the run carries no ${ID_HEADER} or ${ROUTE_HEADER}`);
  return { id, route };
};

/** The test's two headers of a run, for what it starts (an invoke, a call of a workflow) to be counted with it. */
export const ciHeaders = (context) => ({ [ROUTE_HEADER]: context.headers.get(ROUTE_HEADER), [ID_HEADER]: context.headers.get(ID_HEADER) });

export const saveResult = (context, result) => {
  const { id, route } = known(context.headers);
  saveResultFor(route, id, result);
};
export const failFor = (route, id) => store.set(key("fail", route, id), true);
export const fail = (context) => {
  const { id, route } = known(context.headers);
  failFor(route, id);
};

/** Waits for a route's result (polling), then checks it and the call count as upstream's checkRedisForResults does. */
export const checkResult = async (route, id, expectedCallCount, expectedResult, deadlineMs = 60_000) => {
  const until = Date.now() + deadlineMs;
  let saved;
  while (!(saved = read("result", route, id)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (!saved) throw new Error(`no result saved for '${route}' within ${deadlineMs / 1000} s (${read("count", route, id) ?? 0} calls)`);
  if (read("fail", route, id)) throw new Error("the workflow marked the test failed");
  expect(saved.result, expectedResult);
  if (expectedCallCount >= 0) expect(saved.callCount, expectedCallCount, "calls");
};

/** Strict equality, where an expected string may hold ANY for any run of characters. */
export const expect = (received, expected, what = "value") => {
  if (typeof received === "string" && typeof expected === "string" && expected.includes(ANY)) {
    const pattern = expected.split(ANY).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    if (new RegExp(`^${pattern}$`, "s").test(received)) return;
  } else if (received === expected) {
    return;
  }
  throw new Error(`unexpected ${what}: received ${JSON.stringify(received)}, expected ${JSON.stringify(expected)}`);
};

/**
 * A workflow endpoint under test: every POST is counted against the run's route and id before the SDK sees it, and
 * the route's configuration (payload, headers, trigger settings, expected calls and result) travels with it.
 */
export const testServe = (handlers, config) => ({
  ...handlers,
  config,
  POST: async (request) => {
    const { id, route } = known(request.headers);
    increment(route, id);
    if (process.env.CI_TRACE) await trace(route, id, request.clone());
    return handlers.POST(request);
  },
});

// CI_TRACE=1 prints each counted call (to stderr): its route, run, the service's marks and the last step of its history,
// to tell which delivery a count too high or too low comes from.
const trace = async (route, id, request) => {
  let last = "";
  try {
    const steps = JSON.parse(await request.text());
    const step = Array.isArray(steps) ? steps.at(-1) : undefined;
    if (step?.body) {
      const decoded = JSON.parse(Buffer.from(step.body, "base64").toString());
      last = decoded.stepName ?? (decoded.stepId === undefined ? "(payload)" : `#${decoded.stepId}`);
    }
  } catch {
    last = "(not a history)";
  }
  const h = request.headers;
  const marks = ["Upstash-Workflow-Unknown-Sdk", "Upstash-Workflow-Sdk-Version", "Upstash-Workflow-Is-Failure", "Upstash-Workflow-Callback"]
    .filter((m) => h.get(m)).map((m) => m.replace("Upstash-Workflow-", "")).join(",");
  console.error(`[call] ${route} ${id} ${new URL(request.url).pathname} run=${h.get("Upstash-Workflow-RunId") ?? "-"} [${marks}] last=${last}`);
};
