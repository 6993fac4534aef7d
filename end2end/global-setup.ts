// Loads the demo content into a fresh database before the server starts.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { SERVER_ENV } from './playwright.config';

export default function globalSetup() {
  const root = resolve(__dirname, '..');
  rmSync(resolve(root, 'target/e2e'), { recursive: true, force: true });
  execFileSync(resolve(root, 'target/release/portal'), ['seed'], {
    cwd: root,
    env: { ...process.env, ...SERVER_ENV },
    stdio: 'inherit',
  });
}
