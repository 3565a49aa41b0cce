// npm run docs:screenshot: renders the HTML report for the demo credentials (fixtures/demo) in
// headless Chromium and saves the top of the page as docs/report.png, for the README.
// Needs Debian's chromium at /usr/bin/chromium (apt-get install chromium) or CHROMIUM_PATH.
// Run it on purpose when the report's look changes; the picture is committed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { run } from '../src/cli/main.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HTML = path.join(ROOT, 'artifacts', 'docs-report.html');
const PNG = path.join(ROOT, 'docs', 'report.png');

mkdirSync(path.dirname(HTML), { recursive: true });
process.chdir(ROOT);
const code = await run([
  'node',
  'mcred',
  'report',
  'fixtures/demo',
  '--at',
  '2025-01-15T12:00:00Z',
  '--lang',
  'en',
  '--exit-zero',
  '-o',
  path.relative(ROOT, HTML),
]);
if (code !== 0) throw new Error(`mcred report exited ${code}`);

// playwright-core starts Chromium with a new empty profile of its own (its --user-data-dir).
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, deviceScaleFactor: 1 });
  // The report needs nothing from anywhere: refuse every request but the file itself.
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(HTML).href);
  await page.screenshot({ path: PNG, fullPage: false });
  process.stdout.write(`wrote ${path.relative(ROOT, PNG)} (from ${path.relative(ROOT, HTML)})\n`);
} finally {
  await browser.close();
}
