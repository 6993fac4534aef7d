// Browser tests: Debian's Chromium (no browser download) against the real release server, started
// here on its own port with a fresh SQLite database seeded with the demo content, and writing its
// mail to files under target/e2e/mail.
import { defineConfig } from '@playwright/test';

export const PORT = 3100;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// Staff accounts the server command creates for the staff tests.
export const STAFF_PASSWORD = 'caravan of forty camels 2027';
export const EDITOR_EMAIL = 'e2e.editor@icic-ca.example';
export const DESK_EMAIL = 'e2e.desk@icic-ca.example';
export const SERVER_ENV = {
  DATABASE_URL: 'sqlite://target/e2e/portal.db',
  PORTAL_DATA_DIR: 'target/e2e',
  LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
  LEPTOS_SITE_ROOT: 'target/site',
  PORTAL_PUBLIC_URL: BASE_URL,
  PORTAL_LOG: 'warn',
  // Every test sends from 127.0.0.1: the per-address limit has its own unit test.
  PORTAL_INQUIRY_LIMIT: '1000',
};

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
  webServer: {
    // A fresh database with the demo content and two staff accounts, then the server. (Playwright starts the web server
    // before any global setup, so the seeding must happen here.)
    command:
      'rm -rf target/e2e && target/release/portal seed' +
      ` && echo '${STAFF_PASSWORD}' | target/release/portal create-user --email ${EDITOR_EMAIL} --role editor --name 'E2E Editor'` +
      ` && echo '${STAFF_PASSWORD}' | target/release/portal create-user --email ${DESK_EMAIL} --role desk --name 'E2E Desk'` +
      ' && exec target/release/portal serve',
    cwd: '..',
    url: `${BASE_URL}/healthz`,
    env: SERVER_ENV,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
  projects: [
    { name: 'javascript', use: { javaScriptEnabled: true } },
    { name: 'no-javascript', use: { javaScriptEnabled: false } },
  ],
});
