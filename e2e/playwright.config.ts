import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser download does not work on these machines. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
      .toString()
      .trim();
  } catch {
    throw new Error('Chromium not found. Install it with: apt-get update && apt-get install -y chromium');
  }
}

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const repoRoot = join(__dirname, '..');

export default defineConfig({
  testDir: './tests',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // The real, built server on a fresh embedded database. Set E2E_BASE_URL to test a running one instead.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: process.env.E2E_SERVER_COMMAND ?? 'node apps/server/dist/e2e-server.js',
        cwd: repoRoot,
        // The run signs the demo accounts in dozens of times from one address within minutes, far past the
        // sign-in limits (5 per account, 20 per address per 15 minutes); the server's security spec tests them.
        env: {
          PORT: String(port),
          NODE_ENV: 'test',
          RATE_LIMIT_LOGIN_PER_ACCOUNT: '200',
          RATE_LIMIT_LOGIN_PER_IP: '2000',
        },
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        // Playwright SIGKILLs the server by default, which leaves its /tmp/craftmatch-e2e-* folder
        // behind; SIGTERM lets it stop the app and the embedded PostgreSQL and remove the folder.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
