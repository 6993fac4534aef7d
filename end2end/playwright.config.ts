// Browser tests: Debian's Chromium (no browser download) against the real release server, started
// here on its own port with a fresh SQLite database seeded with the demo content, and writing its
// mail to files under target/e2e/mail; the staff tests against a second one (target/e2e-staff).
import { defineConfig } from '@playwright/test';

export const PORT = 3100;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// The staff tests publish and answer, which would change what the investor tests count: they get
// a server and a database of their own.
export const STAFF_PORT = 3101;
export const STAFF_URL = `http://127.0.0.1:${STAFF_PORT}`;
// Staff accounts the staff server's command creates.
export const STAFF_PASSWORD = 'caravan of forty camels 2027';
export const EDITOR_EMAIL = 'e2e.editor@icic-ca.example';
export const DESK_EMAIL = 'e2e.desk@icic-ca.example';

/** The environment of a server on `port` keeping its database, media and mail in `data`. */
function serverEnv(port: number, data: string) {
  return {
    DATABASE_URL: `sqlite://${data}/portal.db`,
    PORTAL_DATA_DIR: data,
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_SITE_ROOT: 'target/site',
    PORTAL_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PORTAL_LOG: 'warn',
    // Every test sends from 127.0.0.1: the per-address limit has its own unit test.
    PORTAL_INQUIRY_LIMIT: '1000',
  };
}
export const SERVER_ENV = serverEnv(PORT, 'target/e2e');

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
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
  // Fresh databases with the demo content, then the servers. (Playwright starts the web servers
  // before any global setup, so the seeding must happen here.)
  webServer: [
    {
      command: 'rm -rf target/e2e && target/release/portal seed && exec target/release/portal serve',
      cwd: '..',
      url: `${BASE_URL}/healthz`,
      env: SERVER_ENV,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command:
        'rm -rf target/e2e-staff && target/release/portal seed' +
        ` && echo '${STAFF_PASSWORD}' | target/release/portal create-user --email ${EDITOR_EMAIL} --role editor --name 'E2E Editor'` +
        ` && echo '${STAFF_PASSWORD}' | target/release/portal create-user --email ${DESK_EMAIL} --role desk --name 'E2E Desk'` +
        ' && exec target/release/portal serve',
      cwd: '..',
      url: `${STAFF_URL}/healthz`,
      env: serverEnv(STAFF_PORT, 'target/e2e-staff'),
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
  projects: [
    { name: 'javascript', testIgnore: /staff\.spec/, use: { javaScriptEnabled: true } },
    { name: 'no-javascript', testIgnore: /staff\.spec/, use: { javaScriptEnabled: false } },
    {
      name: 'staff-javascript',
      testMatch: /staff\.spec/,
      use: { javaScriptEnabled: true, baseURL: STAFF_URL },
    },
    {
      name: 'staff-no-javascript',
      testMatch: /staff\.spec/,
      use: { javaScriptEnabled: false, baseURL: STAFF_URL },
    },
  ],
});
