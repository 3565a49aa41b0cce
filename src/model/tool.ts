import { readFileSync } from 'node:fs';
import type { ToolInfo } from './results.js';

/** package.json at the package root: src/model and dist/model are both two levels down. */
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const TOOL: ToolInfo = { name: 'mcred', version: packageJson.version };
