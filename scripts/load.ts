// `npm run bench:load`: POST /api/analyze from 16 concurrent clients on loopback (default 8 s), then an optional
// soak (SOAK_SECONDS, default 300; 0 skips) sampling the server's memory. The server runs as its own process.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { buildBundle, ROOT, startServerProcess } from './lib/server.js';
import { quantile } from './lib/stats.js';

buildBundle();
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 16);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const answers = readFileSync(join(ROOT, 'test', 'fixtures', 'graded', 'devops-answers.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { question: string; answer: string })
  .map((r) => JSON.stringify({ question: r.question, text: r.answer }));

const { process: server, port } = await startServerProcess('load');

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/analyze',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function run(seconds: number, onTick?: () => void) {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  let n = 0;
  const tick = onTick ? setInterval(onTick, 10_000) : null;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < end) {
        const body = answers[n++ % answers.length] as string;
        const t0 = performance.now();
        const status = await post(body);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  if (tick) clearInterval(tick);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

function rssMiB(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

await run(2); // warm-up
const r = await run(SECONDS);
process.stdout.write(
  `POST /api/analyze, ${CLIENTS} clients, ${SECONDS} s on loopback (server: one Node process):\n`,
);
process.stdout.write(
  `  ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}   (target ≥ 300 req/s, p99 ≤ 100 ms, no errors)\n`,
);
if (SOAK_SECONDS > 0) {
  const samples: number[] = [rssMiB()];
  const soak = await run(SOAK_SECONDS, () => samples.push(rssMiB()));
  samples.push(rssMiB());
  const half = Math.floor(samples.length / 2);
  const firstHalf = Math.max(...samples.slice(0, half));
  const secondHalf = Math.max(...samples.slice(half));
  process.stdout.write(
    `soak ${SOAK_SECONDS} s: ${soak.requests} requests, ${soak.rps.toFixed(0)} req/s, errors ${soak.errors}\n`,
  );
  process.stdout.write(`  server RSS MiB every 10 s: ${samples.map((m) => m.toFixed(0)).join(' ')}\n`);
  process.stdout.write(
    `  max first half ${firstHalf.toFixed(0)} MiB, max second half ${secondHalf.toFixed(0)} MiB (flat if the second is not clearly above the first)\n`,
  );
}
server.kill('SIGTERM');
agent.destroy();
