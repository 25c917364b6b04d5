// Durability: answers acknowledged with a 2xx survive a SIGKILL of the server in the middle of a burst.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from './helpers.js';

function startServer(home: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'mockops.js'), 'serve', '--no-build', '--port', String(port)],
    {
      env: { ...process.env, MOCKOPS_HOME: home, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes('running at')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

const QUESTIONS = [
  'terraform-state-team',
  'ec2-vs-ecs-vs-eks',
  'crashloopbackoff-troubleshooting',
  'vpc-secure-ha',
];

describe('durability', () => {
  it('keeps every acknowledged answer after SIGKILL, and the database passes integrity_check', async () => {
    const home = tempHome();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = await startServer(home, port);
    const acked: Array<{ id: number; text: string }> = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop && i < 500; i++) {
        const text = `client ${n} answer ${i}: we keep remote state in S3 with use_lockfile and apply from CI.`;
        try {
          const res = await fetch(
            `http://127.0.0.1:${port}/api/questions/${QUESTIONS[n % QUESTIONS.length]}/answers`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ text }),
            },
          );
          if (res.status === 201)
            acked.push({ id: ((await res.json()) as { answerId: number }).answerId, text });
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    // Kill in the middle of the burst: once a dozen answers are acknowledged (not after a fixed time, which a
    // slower machine or a cold start would not reach).
    const deadline = Date.now() + 150_000;
    while (acked.length < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    await exited;
    expect(acked.length).toBeGreaterThan(10);

    const restarted = await startServer(home, port);
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      const done = new Promise((r) => restarted.once('exit', r));
      restarted.kill('SIGTERM');
      await done;
    }
    const db = new Database(join(home, 'mockops.db'), { readonly: true });
    const rows = new Map(
      (db.prepare('SELECT id, text FROM answers').all() as Array<{ id: number; text: string }>).map((r) => [
        r.id,
        r.text,
      ]),
    );
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    expect(integrity).toBe('ok');
    const lost = acked.filter((a) => rows.get(a.id) !== a.text);
    expect(lost).toEqual([]);
  }, 240_000);
});
