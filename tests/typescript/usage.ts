// What README's "Generating for other languages" shows, run by Languages/TypeScriptClientTests against
// a local server: one call with the bearer scheme only, and a list filter sent as repeated pairs.
import { client } from './client/client.gen';
import { listFailedRuns } from './client/sdk.gen';

declare const process: { argv: string[] };

async function main(): Promise<void> {
  const [baseUrl, token] = process.argv.slice(2);
  // The spec offers two schemes, header and query; answer for one, or the token is sent twice.
  client.setConfig({ baseUrl, auth: (scheme) => (scheme.type === 'http' ? token : undefined) });
  const { data, response } = await listFailedRuns({ query: { label: ['nightly', 'billing'] } });
  console.log(JSON.stringify({ status: response.status, messages: data?.messages.length }));
}

void main();
