#!/usr/bin/env node
// Runs the compiled CLI. Build first with `npm run build` (npm ci does it via `prepare`).
import { run } from '../dist/cli/main.js';
process.exitCode = await run(process.argv);
