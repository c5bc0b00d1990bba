#!/usr/bin/env node
// Measures `npm start` from a fresh clone: clones HEAD into a temporary folder, runs `npm ci`
// (not timed), then times `npm start` until the server says it is ready, on free ports with its
// own data folder, and stops it. Prints the figures and ends with one JSON line.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GOAL_SECONDS = 90;
const repo = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'craftmatch-bench-start-'));
chmodSync(dir, 0o755);
const clone = join(dir, 'craftmatch');
try {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, clone], { stdio: 'inherit' });
  const installStart = performance.now();
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: clone,
    stdio: 'inherit',
  });
  const installSeconds = (performance.now() - installStart) / 1000;

  const [port, pgPort] = [await freePort(), await freePort()];
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: clone,
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      NX_DAEMON: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const readySeconds = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 300 s:\n${output}`)), 300_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve((performance.now() - started) / 1000);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
  child.removeAllListeners('exit');
  const stopped = new Promise((resolve) => child.on('exit', resolve));
  process.kill(-child.pid, 'SIGINT');
  await stopped;

  console.log(`npm ci (not counted):          ${installSeconds.toFixed(1)} s`);
  console.log(`npm start, fresh clone → ready: ${readySeconds.toFixed(1)} s (goal ≤ ${GOAL_SECONDS} s)`);
  console.log(`health after start:             ${health.status}, database ${health.database}`);
  console.log(
    JSON.stringify({
      bench: 'start',
      install_seconds: Number(installSeconds.toFixed(1)),
      start_seconds: Number(readySeconds.toFixed(1)),
      goal_seconds: GOAL_SECONDS,
      ratio_to_goal: Number((readySeconds / GOAL_SECONDS).toFixed(3)),
      healthy: health.status === 'ok',
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
