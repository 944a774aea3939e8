// Verifies each case with the official receiver (@upstash/qstash's Receiver) and signs tokens with jose as the
// receiver's own tests do. Input: a JSON file { keys: { current, next }, cases: [{ name, token, body, url?, clockTolerance? }],
// joseTokens: [{ name, body, url, alg, key, expiresIn?, omitExp? }] } (bodies base64). Output on stdout: JSON
// { verdicts: [{ name, ok, error? }], joseTokens: [{ name, token }] }.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Receiver } from "@upstash/qstash";
import { SignJWT } from "jose";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const receiver = new Receiver({ currentSigningKey: input.keys.current, nextSigningKey: input.keys.next });
const text = (base64) => Buffer.from(base64, "base64").toString("utf8");

const verdicts = [];
for (const c of input.cases) {
  try {
    const ok = await receiver.verify({ signature: c.token, body: text(c.body), url: c.url ?? undefined, clockTolerance: c.clockTolerance ?? undefined });
    verdicts.push({ name: c.name, ok: ok === true });
  } catch (error) {
    verdicts.push({ name: c.name, ok: false, error: String(error?.message ?? error) });
  }
}

const joseTokens = [];
for (const t of input.joseTokens) {
  const hash = createHash("sha256").update(Buffer.from(t.body, "base64")).digest("base64url");
  let jwt = new SignJWT({ body: hash }).setProtectedHeader({ alg: t.alg, typ: "JWT" }).setIssuer("Upstash").setSubject(t.url)
    .setNotBefore("0s").setIssuedAt().setJti(`jwt_${Math.random().toString(36).slice(2)}`);
  if (!t.omitExp) {
    jwt = jwt.setExpirationTime(t.expiresIn ?? "5m");
  }
  joseTokens.push({ name: t.name, token: await jwt.sign(new TextEncoder().encode(t.key)) });
}

process.stdout.write(JSON.stringify({ verdicts, joseTokens }));
