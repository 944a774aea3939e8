// Upstream's CI suite, ported: starts every route with a configuration through the official client, as upstream's
// ci.test.ts does, waits for its result, and checks the result and the number of calls its endpoint got. Prints one
// JSON line per route ({ route, pass, reason, seconds }) and a closing line. Reads QSTASH_URL, QSTASH_TOKEN and the
// signing keys from the environment (the standalone emulator prints them); ROUTES may name a comma-separated subset.
import { checkResult, nanoid, routeUrl, workflowClient } from "./harness.mjs";
import { routes, start } from "./server.mjs";

const server = await start();
const only = process.env.ROUTES?.split(",");
const tests = Object.entries(routes)
  .filter(([, r]) => r.config)
  .map(([name, r]) => ({ route: r.config.route ?? name, ...r.config }))
  .filter((t) => !only || only.includes(t.route));

const url = (path) => (path && !/^https?:/.test(path) ? routeUrl(path) : path);

const run = async ({ route, payload, headers, triggerConfig = {}, expectedCallCount, expectedResult }) => {
  const id = nanoid();
  const began = Date.now();
  try {
    await workflowClient().trigger({
      url: routeUrl(route),
      headers: { "Ci-Test-Id": id, "Ci-Test-Route": route, ...headers },
      retries: triggerConfig.retries,
      retryDelay: triggerConfig.retryDelay,
      flowControl: triggerConfig.flowControl,
      failureUrl: url(triggerConfig.failureUrl),
      label: triggerConfig.label,
      body: payload,
    });
    await checkResult(route, id, expectedCallCount, expectedResult);
    return { route, pass: true, seconds: (Date.now() - began) / 1000 };
  } catch (error) {
    return { route, pass: false, reason: String(error?.message ?? error), seconds: (Date.now() - began) / 1000 };
  }
};

const results = await Promise.all(tests.map(run));
for (const result of results) console.log(JSON.stringify(result));
console.log(`Upstream CI routes: ${results.filter((r) => r.pass).length} of ${results.length} pass`);
server.close();
process.exit(0);
