/**
 * (1) The load generator for the HTTP figure, in its own Node process so that
 * building requests and reading responses does not take CPU from the server and
 * the store it measures. Arguments: the API URL, a file with the bearer token and
 * the request bodies (JSON), and the concurrency. Prints progress on stderr and one
 * JSON line (latency summary and status counts) on stdout.
 */
import fs from 'node:fs';
import { runConcurrent, summarise } from './measure.ts';

const [url, file, concurrency] = process.argv.slice(2) as [string, string, string];
const { token, bodies } = JSON.parse(fs.readFileSync(file, 'utf8')) as { token: string; bodies: unknown[] };
const statuses = new Map<number, number>();
const run = await runConcurrent(
  bodies.length,
  Number(concurrency),
  async (i) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(bodies[i]),
    });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  },
  (done) => console.error(`  ${done}/${bodies.length}`),
);
console.log(JSON.stringify({ summary: summarise(run), statuses: Object.fromEntries(statuses) }));
