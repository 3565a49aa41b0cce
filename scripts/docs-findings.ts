// Regenerates docs/findings.md from the finding catalogue.
import { writeFileSync } from 'node:fs';
import { findingsMarkdown } from '../src/findings/markdown.js';

writeFileSync(new URL('../docs/findings.md', import.meta.url), findingsMarkdown());
