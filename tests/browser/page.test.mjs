// e2e_browser: the verbatim page in a real browser (Debian's Chromium, driven by
// playwright-core). Starts `verbatim serve` on a free loopback port against an index of
// corpus/ plus two documents of its own (one hostile, one Arabic), then walks what a
// delegate does: search, filter by a facet, open a document at its anchor, page through
// results, compare a draft with earlier language, look up a reference; a screenshot of
// each step goes to the output folder.
//
// Usage: node page.test.mjs VERBATIM_BINARY CORPUS_DIR OUTPUT_DIR
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [binary, corpus, outDir] = process.argv.slice(2);
if (!binary || !corpus || !outDir) {
  console.error('usage: node page.test.mjs VERBATIM_BINARY CORPUS_DIR OUTPUT_DIR');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The flags this machine needs (see the environment notes): no sandbox as root, no GPU,
// and no background connections, which the closed network would refuse.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-browser-'));
fs.mkdirSync(outDir, { recursive: true });
let server = null, context = null;
let step = 0;

function cleanup() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}

async function shot(page, name) {
  const file = path.join(outDir, `${String(++step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`  screenshot ${file}`);
}

function indexCorpus() {
  const extra = path.join(work, 'extra');
  fs.mkdirSync(extra);
  // A document whose text is markup: the page must show it as text and run nothing.
  fs.writeFileSync(path.join(extra, 'hostile.txt'),
    'HOSTILE/2021/1\n\n1. The zanzibarian delegation wrote <script>window.__pwned = 1</script> and ' +
    '<img src=x onerror="window.__pwned = 2"> in its comments on the protection of victims.\n');
  fs.writeFileSync(path.join(extra, 'manifest.ini'),
    '[hostile]\nsymbol = HOSTILE/2021/1\ndate = 2021-01-05\ntype = report\n\n' +
    '[arabic]\nsymbol = ARABIC/2021/1\ndate = 2021-02-01\nlang = ar\n');
  // Arabic, to see right-to-left text laid out right to left.
  fs.writeFileSync(path.join(extra, 'arabic.txt'),
    'ARABIC/2021/1\n\n1. وقد نشر التنظيم نفسه أشرطة فيديو تبيّن تعرض أشخاص إلى عقوبات فظيعة.\n');
  const db = path.join(work, 'db');
  const run = spawnSync(binary, ['index', '--db', db, corpus, extra], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `verbatim index failed (${run.status}): ${run.stderr}`);
  return db;
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    server = spawn(binary, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => reject(new Error(`verbatim serve printed no address: ${out} ${err}`)), 10000);
    server.stderr.on('data', (d) => { err += d; });
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    });
    server.on('exit', (code) => reject(new Error(`verbatim serve exited (${code}): ${err}`)));
  });
}

async function main() {
  const started = Date.now();
  assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: run scripts/deps.sh test (Debian package chromium)`);
  const base = await startServer(indexCorpus());
  console.log(`verbatim serve at ${base}`);

  // A fresh profile each run (launchPersistentContext is how Playwright takes --user-data-dir).
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });

  console.log('1. search from the box, with Enter');
  await page.goto(base + '/');
  await page.locator('#q').focus();
  await page.keyboard.type('non-punishment');
  await page.keyboard.press('Enter');
  await page.locator('.hit').first().waitFor();
  assert.match(page.url(), /\?q=non-punishment$/);
  const firstCitation = await page.locator('.hit .citation').first().textContent();
  assert.match(firstCitation, /CTOC\/COP\/WG\.4\/2020\/4, para\. \d+|, para\. /);
  assert.ok(await page.locator('.hit mark').count() > 0, 'matches are highlighted');
  assert.match(await page.locator('#search-status').textContent(), /^\d+ matching units/);
  await shot(page, 'search');

  console.log('2. a facet filters, and its count follows the query');
  const statusBefore = await page.locator('#search-status').textContent();
  const facet = page.locator('.facet-group:has(summary:text-is("Document type")) a.facet').filter({ hasText: 'report' });
  const facetCount = Number(await facet.locator('.n').textContent());
  await facet.click();
  await page.waitForURL(/type%3Areport|type:report/);
  await page.locator('a.facet.active').waitFor();
  assert.equal(await page.locator('#q').inputValue(), 'non-punishment type:report');
  await page.waitForFunction((before) => document.getElementById('search-status').textContent !== before, statusBefore);
  assert.match(await page.locator('#search-status').textContent(), new RegExp(`^${facetCount} matching unit`));
  await shot(page, 'facet');

  console.log('3. a hit opens its document at the unit');
  const hitLink = page.locator('.hit .citation a').first();
  const href = await hitLink.getAttribute('href');
  assert.match(href, /^\/doc\/[a-z0-9._-]+\?q=.*#[a-z0-9-]+$/);
  await hitLink.click();
  const target = page.locator('.unit.target');
  await target.waitFor();
  const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
  assert.equal(await target.getAttribute('id'), anchor);
  assert.ok(await target.isVisible());
  const box = await target.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, 'the unit is scrolled into view');
  await shot(page, 'document');
  await page.goBack();
  await page.locator('.hit').first().waitFor();
  assert.equal(await page.locator('#q').inputValue(), 'non-punishment type:report');

  console.log('4. the URL carries sort and page: reload gives the same view');
  await page.goto(base + '/?q=trafficking&sort=newest&page=2');
  await page.locator('.hit').first().waitFor();
  assert.match(await page.locator('#search-status').textContent(), /showing 11–20/);
  assert.equal(await page.locator('#sort').inputValue(), 'newest');
  assert.equal(await page.locator('.pager [aria-current="page"]').textContent(), '2');
  await page.locator('.pager a', { hasText: 'Next' }).click();
  await page.waitForURL(/page=3/);
  await page.locator('#search-status', { hasText: 'showing 21–30' }).waitFor();
  await page.reload();
  await page.locator('#search-status', { hasText: 'showing 21–30' }).waitFor();
  await shot(page, 'pages');

  console.log('5. group by meeting');
  await page.selectOption('#group', 'meeting');
  await page.waitForURL(/group=meeting/);
  await page.locator('.group-head').first().waitFor();
  assert.ok(await page.locator('.group').count() >= 2);
  await shot(page, 'grouped');

  console.log('6. document text is text: markup in a document never runs');
  await page.goto(base + '/?q=zanzibarian');
  await page.locator('.hit').first().waitFor();
  const snippet = await page.locator('.hit .snippet').first().textContent();
  assert.ok(snippet.includes('<script>'), `the snippet shows the markup as text: ${snippet}`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.results script, .results img').count(), 0);
  await page.locator('.hit .citation a').first().click();
  await page.locator('.unit.target').waitFor();
  assert.ok((await page.locator('.unit.target .text').textContent()).includes('<img src=x'));
  assert.doesNotMatch(await page.locator('#doc-head').textContent(), /null|undefined/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, 'escaped');

  console.log('7. right-to-left text is laid out right to left');
  await page.goto(base + '/?q=' + encodeURIComponent('عقوبات'));
  await page.locator('.hit').first().waitFor();
  assert.ok(await page.locator('.hit .snippet').first().evaluate((e) => e.matches(':dir(rtl)')), 'Arabic snippet is rtl');
  assert.ok(await page.locator('.hit .meta').first().evaluate((e) => e.matches(':dir(ltr)')), 'the page stays ltr');

  console.log('8. prior agreed language: a pasted draft and the comparison');
  await page.goto(base + '/');
  await page.locator('.tabs a', { hasText: 'Prior agreed language' }).click();
  await page.locator('#draft').waitFor();
  await page.locator('#draft').fill('States parties should ensure the proactive and timely identification of victims of ' +
    'trafficking in persons so as to allow the provision of the necessary protection and support, as well as the ' +
    'effective prosecution of the perpetrators of this crime.');
  await page.locator('#agreed-form button[type="submit"]').click();
  await page.locator('#agreed-results .hit').first().waitFor();
  assert.ok(await page.locator('#agreed-results .diff ins, #agreed-results .diff del').count() > 0, 'the comparison marks changes');
  await shot(page, 'agreed');

  console.log('9. cite: a reference gives its unit; a quotation its source');
  await page.locator('.tabs a', { hasText: 'Cite' }).click();
  await page.locator('#ref').fill('ctoc/cop/wg.4/2020/4 paragraph 12');
  await page.locator('#ref').press('Enter');
  await page.locator('#cite-results .hit').first().waitFor();
  assert.equal(await page.locator('#cite-results .citation').first().textContent(), 'CTOC/COP/WG.4/2020/4, para. 12');
  assert.match(page.url(), /tab=cite&ref=/);
  await page.locator('#quote').fill('He underlined that the principle of non punishment supports the protection of the victim');
  await page.locator('#quote').press('Enter');
  await page.locator('#cite-status', { hasText: 'possible source' }).waitFor();
  assert.equal(await page.locator('#cite-results .citation').first().textContent(), 'CTOC/COP/WG.4/2020/4, para. 12');
  await shot(page, 'cite');

  console.log('10. a bad query says what is wrong');
  await page.goto(base + '/?q=' + encodeURIComponent('victims (protection'));
  await page.locator('#search-status .error').waitFor();
  assert.match(await page.locator('#search-status').textContent(), /bad query 'victims \(protection': the '\(' at column 9/);
  problems.splice(0);  // the browser logs the 400 of that request as a console error

  console.log('11. the keyboard: focus order and visible focus');
  await page.goto(base + '/?q=non-punishment');
  await page.locator('.hit').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  const tabOrder = [];
  for (let i = 0; i < 7; ++i) {
    await page.keyboard.press('Tab');
    tabOrder.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  assert.deepEqual(tabOrder.slice(0, 7), ['verbatim', 'Search', 'Prior agreed language', 'Cite', 'q', 'Search', 'sort']);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused control shows it');

  console.log('12. a phone-wide screen');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + '/?q=non-punishment');
  await page.locator('.hit').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `nothing is wider than the screen (${overflow}px too wide)`);
  const hitTop = (await page.locator('.hit').first().boundingBox()).y;
  assert.ok(hitTop < 844, `the first hit is on the first screen (at ${hitTop}px)`);
  await shot(page, 'phone');
  await page.locator('.filters > summary').click();
  await page.locator('.facet-group:has(summary:text-is("Year")) a.facet').first().click();
  await page.waitForURL(/year%3A2020/);
  await page.locator('.filters > summary', { hasText: 'Filters (1 in use)' }).waitFor();
  await shot(page, 'phone-filtered');

  assert.deepEqual(problems, [], 'no script errors, no blocked resources');
  console.log(`browser test passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (context) await context.close().catch(() => {});
  cleanup();
}
