// Builds the end-to-end test flavour of the extension into .output-e2e/ (see wxt.config.ts:
// it differs from the shipped build only by host permissions, which headless tests need).
import { execFileSync } from 'node:child_process';

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, TWOFOLD_E2E: '1' } });
