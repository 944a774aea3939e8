// The routes of the upstream CI port on one HTTP server at 127.0.0.1: a workflow or plain endpoint at
// /test-routes/<route> (a route ending in [...] serves every path below it, as serveMany does), handlers of the
// Next.js shape (a Request in, a Response out), or an Express router (the SDK's Express adapter).
import express from "express";
import { increment, site } from "./harness.mjs";
import auth from "./routes/auth.mjs";
import basics from "./routes/basics.mjs";
import call from "./routes/call.mjs";
import failure from "./routes/failure.mjs";
import invoke from "./routes/invoke.mjs";
import middlewareLogs from "./routes/middleware-logs.mjs";
import trigger from "./routes/trigger.mjs";
import waitForEvent from "./routes/wait-for-event.mjs";
import webhook from "./routes/webhook.mjs";

export const routes = { ...basics, ...auth, ...call, ...failure, ...waitForEvent, ...invoke, ...trigger, ...webhook, ...middlewareLogs };

const find = (path) =>
  routes[path] ??
  Object.entries(routes).find(([name]) => name.endsWith("/[...]") && path.startsWith(name.slice(0, -"[...]".length)))?.[1];

// The Next.js shape: the Node request as a fetch Request, the handler's Response written back as it is.
const fetchShaped = (handler) => async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
  const response = await handler(new Request(`${site.base}${req.originalUrl}`, { method: req.method, headers, body }));
  res.status(response.status);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
};

/** Starts the server on a free port; resolves to its base address. */
export const start = () =>
  new Promise((resolve) => {
    const app = express();
    for (const [name, route] of Object.entries(routes).filter(([, r]) => r.express)) {
      // As the SDK's Express adapter expects: JSON and text bodies parsed; each POST counted first.
      app.use(`/test-routes/${name}`, express.json(), express.text(), (req, _res, next) => {
        if (req.method === "POST") increment(req.get("Ci-Test-Route"), req.get("Ci-Test-Id"));
        next();
      }, route.express);
    }
    app.all("/test-routes/*path", async (req, res, next) => {
      const handler = find(req.path.slice("/test-routes/".length))?.[req.method];
      if (!handler) return res.status(404).json({ error: `no ${req.method} ${req.path}` });
      try {
        await fetchShaped(handler)(req, res);
      } catch (error) {
        next(error);
      }
    });
    app.use((error, _req, res, _next) => res.status(500).json({ error: String(error?.stack ?? error) }));
    const server = app.listen(0, "127.0.0.1", () => {
      site.base = `http://127.0.0.1:${server.address().port}`;
      resolve({ base: site.base, close: () => server.close() });
    });
  });
