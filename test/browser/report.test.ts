// The HTML report as a person sees it: the demo credentials and (where ../shared is) the real EDC
// and Open Badges samples, rendered in headless Chromium (Debian's, /usr/bin/chromium, driven by
// playwright-core). Nothing may be fetched, no script may run (a hostile title and file name
// show as text), axe-core finds no serious or critical accessibility problem, and printing gives
// at least one page per credential.
// Without Chromium this FAILS, saying how to install it; MCRED_SKIP_BROWSER=1 skips it instead.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { ob3Credential } from '../support/check.js';
import { REAL_DIR, hasShared } from '../support/shared.js';
import { makeTmpDir, type TmpDir } from '../support/tmp.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SKIP = process.env.MCRED_SKIP_BROWSER === '1';
const ARTIFACTS = path.join(REPO_ROOT, 'artifacts');
const DEMO_DIR = path.join(REPO_ROOT, 'fixtures', 'demo');
const HOSTILE_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
const HOSTILE_FILE = '<img src=x onerror=window.__pwned=3>.json';
const AT = '2025-06-01T12:00:00Z';
/** The flags this machine's Chromium needs: no sandbox as root, and no background connections. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

jest.setTimeout(180_000);

function countPdfPages(pdf: Buffer): number {
  // Page objects, not the /Pages tree nodes.
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function jsonFilesIn(dir: string): number {
  return readdirSync(dir).filter((f) => /\.(json|jsonld|jwt)$/.test(f)).length;
}

if (SKIP) {
  process.stdout.write('skipped: MCRED_SKIP_BROWSER=1 (the HTML report browser test)\n');
  describe('HTML report in Chromium', () => {
    test('is switched off by MCRED_SKIP_BROWSER=1 (CI never sets it)', () => {
      expect(process.env.MCRED_SKIP_BROWSER).toBe('1');
    });
  });
} else if (!existsSync(CHROMIUM)) {
  describe('HTML report in Chromium', () => {
    test('Chromium is installed', () => {
      throw new Error(
        `${CHROMIUM} not found: install chromium (apt-get install -y chromium), ` +
          'set CHROMIUM_PATH, or set MCRED_SKIP_BROWSER=1 to skip the browser test',
      );
    });
  });
} else {
  describe('HTML report in Chromium', () => {
    const edcDir = path.join(REAL_DIR, 'edc');
    const ob3Dir = path.join(REAL_DIR, 'ob3');
    const shared = hasShared();
    const reportFile = path.join(ARTIFACTS, 'report-browser.html');
    let tmp: TmpDir;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const requested: string[] = [];
    const dialogs: string[] = [];
    let credentials = 0;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      tmp = makeTmpDir();
      const hostile = ob3Credential();
      (hostile.credentialSubject as { achievement: { name: string } }).achievement.name = HOSTILE_TITLE;
      tmp.write(HOSTILE_FILE, hostile);
      // The demo credentials always; the real EDC and Open Badges samples where ../shared is.
      const inputs = [DEMO_DIR, tmp.dir, ...(shared ? [edcDir, ob3Dir] : [])];
      if (!shared)
        process.stdout.write('note: ../shared not found; the browser test renders fixtures/demo only\n');
      const run = runCli(['report', ...inputs, '--at', AT, '--lang', 'en', '-o', reportFile]);
      // Several samples fail (missing elements, unsigned): the exit code is that of `check`.
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);

      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      // bypassCSP: the page's own Content-Security-Policy would stop any script anyway; the test
      // turns it off so that the escaping alone is what keeps the hostile values inert (and so
      // that axe-core can be injected).
      context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, bypassCSP: true });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        requested.push(url);
        return route.abort();
      });
      page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(reportFile).href);
      credentials = await page.locator('section.credential').count();
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-browser-top.png') });
    });

    afterAll(async () => {
      await browser?.close();
      tmp?.remove();
    });

    test('it loads from file:// and asks the network for nothing', async () => {
      await page.waitForLoadState('load');
      expect(requested).toEqual([]);
      expect(await page.locator('img, script, link, iframe, object, embed').count()).toBe(0);
    });

    test('the key texts are visible: title, the samples, Annex I, the verdict words', async () => {
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Micro-credential verification report',
      );
      const overview = page.locator('nav#overview');
      await expect(overview.isVisible()).resolves.toBe(true);
      const titles = ['Introduction to Test Data Analysis', HOSTILE_TITLE];
      if (shared)
        titles.push(
          'Digital micro-credential creation', // the Commission's EDC sample
          'Minor: Jedi Mind Control and Advanced Meditation Practices', // Edubadges (OB3)
        );
      for (const title of titles) {
        await expect(overview.getByRole('link', { name: title }).first().isVisible()).resolves.toBe(true);
      }
      await expect(page.getByRole('heading', { name: 'Annex I elements' }).first().isVisible()).resolves.toBe(
        true,
      );
      for (const verdict of ['PASS', 'FAIL'])
        await expect(
          overview
            .getByText(new RegExp(`^\\W*${verdict}$`))
            .first()
            .isVisible(),
        ).resolves.toBe(true);
      // The overview is shown above the first credential although it comes last in the document.
      const overviewBox = await overview.boundingBox();
      const firstBox = await page.locator('#cred-1').boundingBox();
      expect(overviewBox!.y).toBeLessThan(firstBox!.y);
    });

    test('one overview row per credential, each link leading to its section', async () => {
      const links = page.locator('nav#overview tbody tr th a');
      await expect(links.count()).resolves.toBe(credentials);
      // Every file is there (array files hold several credentials, hence at least).
      const files = jsonFilesIn(DEMO_DIR) + 1 + (shared ? jsonFilesIn(edcDir) + jsonFilesIn(ob3Dir) : 0);
      expect(credentials).toBeGreaterThanOrEqual(files);
      await links.nth(1).click();
      await expect(page.evaluate(() => location.hash)).resolves.toBe('#cred-2');
      await expect(page.locator('#cred-2 h2').isVisible()).resolves.toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
    });

    test('a hostile title and file name show as text and run nothing', async () => {
      await expect(page.getByText(HOSTILE_TITLE).first().isVisible()).resolves.toBe(true);
      await expect(page.getByText(HOSTILE_FILE).first().isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBe(
        undefined,
      );
      expect(dialogs).toEqual([]);
    });

    test('axe-core finds no serious or critical accessibility violation', async () => {
      await page.addScriptTag({ content: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } })
          .axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return (result.violations as { id: string; impact: string; help: string; nodes: unknown[] }[]).map(
          (v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }),
        );
      });
      writeFileSync(path.join(ARTIFACTS, 'report-browser-axe.json'), JSON.stringify(violations, null, 2));
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    });

    test('printing gives at least one page per credential', async () => {
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(path.join(ARTIFACTS, 'report-browser.pdf'), pdf);
      // The header and the overview come first, then every credential starts a page.
      expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(credentials + 1);
      expect(requested).toEqual([]);
    });
  });
}
