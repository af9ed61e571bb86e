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

let db = null;
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
  // A Russian file name gives a Cyrillic document id (issue 18).
  fs.writeFileSync(path.join(extra, 'доклад.txt'),
    '1. The quokkafold delegation reported on cooperation between the regions.\n');
  fs.writeFileSync(path.join(extra, 'stars.txt'),
    '1. The note marked starmarker words for the protection of witnesses.\n');
  db = path.join(work, 'db');
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
  // One count everywhere (issue 18): the page says what `verbatim search` says.
  const pageCount = (await page.locator('#search-status').textContent()).match(/^(\d+) matching units/)[1];
  const cli = spawnSync(binary, ['search', '--db', db, 'non-punishment'], { encoding: 'utf8' });
  assert.match(cli.stdout, new RegExp(`\\n${pageCount} matching units`), 'the CLI gives the page\'s count');
  // Every hit opens its original: the PDF at the unit's page (issue 18).
  const sourceHref = await page.locator('.hit a.source').first().getAttribute('href');
  assert.match(sourceHref, /^\/source\/[^/#]+#page=\d+$/);
  assert.match(await page.locator('.hit a.source').first().textContent(), /^Original, pp?\. \d+/);
  const original = await page.request.get(base + sourceHref.split('#')[0]);
  assert.equal(original.status(), 200);
  assert.equal(original.headers()['content-type'], 'application/pdf');
  assert.equal(await page.locator('.hit').count(), await page.locator('.hit a.source').count(), 'every hit has its source link');
  await shot(page, 'search');

  console.log('1b. the term across meetings: a chart, its table, a bar that filters');
  const chart = page.locator('#timeline svg.chart');
  await chart.waitFor();
  const bars = page.locator('#timeline .bar');
  const barCount = await bars.count();
  assert.ok(barCount >= 2, `bars per meeting (${barCount})`);
  assert.equal(await page.locator('#timeline-table tbody tr').count(), barCount, 'the table has a row per bar');
  const labels = await bars.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
  assert.ok(labels.every((l) => /: \d+ units?$/.test(l)), `each bar says its count: ${labels}`);
  await shot(page, 'chart');
  // Keyboard: Tab reaches the bars (SVG links); Enter on one filters to it.
  await page.locator('#chart').focus();
  let focusedBar = null;
  for (let i = 0; i < 6 && !focusedBar; ++i) {
    await page.keyboard.press('Tab');
    focusedBar = await page.evaluate(() => (document.activeElement.classList.contains('bar') ? document.activeElement.getAttribute('aria-label') : null));
  }
  assert.ok(focusedBar, 'a bar takes the keyboard focus');
  const barN = Number(focusedBar.match(/: (\d+) units?$/)[1]);
  await page.keyboard.press('Enter');
  await page.waitForURL(/meeting%3A|meeting:/);
  await page.locator('#search-status', { hasText: new RegExp(`^${barN} matching unit`) }).waitFor();
  await page.locator('#timeline a.bar.active').waitFor();
  await shot(page, 'chart-filtered');
  await page.goBack();
  await page.locator('#search-status', { hasText: `${pageCount} matching units` }).waitFor();
  // Per year: the bars are years, oldest first.
  await page.selectOption('#chart', 'year');
  await page.waitForURL(/chart=year/);
  await page.locator('#timeline-title', { hasText: 'per year' }).waitFor();
  const years = await page.locator('#timeline-table tbody th').allTextContents();
  assert.ok(years.length >= 1 && years.every((y) => /^\d{4}$/.test(y)), `years: ${years}`);
  assert.deepEqual([...years].sort(), years, 'oldest first');
  await shot(page, 'chart-years');
  await page.goto(base + '/?q=non-punishment');
  await page.locator('.hit').first().waitFor();

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
  // Every heading shows its words; every unit its page and a link to it (issue 18).
  const headings = await page.locator('.unit.kind-heading .text').allTextContents();
  assert.ok(headings.length > 0 && headings.every((h) => h.trim().length > 0), `headings: ${JSON.stringify(headings)}`);
  const pageLinks = page.locator('.unit .page a.source');
  assert.ok(await pageLinks.count() > 0);
  assert.match(await target.locator('.page a.source').getAttribute('href'), /^\/source\/.+#(page=\d+|:~:text=)/);
  assert.match(await target.locator('.page').textContent(), /^pp?\. \d+|^Original$/);
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

  console.log('6b. highlights are spans: a text holding ** is shown as it is');
  // A PDF can hold ** (a footnote label): the answer is given such a text, and the page
  // must mark the spans, not split the human snippet on its **.
  await page.route(/\/api\/search\?q=starmarker/, async (route) => {
    const answer = await (await route.fetch()).json();
    const hit = answer.hits[0], prefix = 'Footnote ** and ** ';
    hit.snippet_text = prefix + hit.snippet_text;
    hit.snippet_highlights = hit.snippet_highlights.map(({ start, end }) => ({ start: start + prefix.length, end: end + prefix.length }));
    hit.snippet = prefix + hit.snippet;
    await route.fulfill({ json: answer });
  });
  await page.goto(base + '/?q=starmarker');
  await page.locator('.hit mark').first().waitFor();
  assert.deepEqual(await page.locator('.hit mark').allTextContents(), ['starmarker']);
  assert.ok((await page.locator('.hit .snippet').textContent()).startsWith('Footnote ** and ** The note marked starmarker'));
  await page.unroute(/\/api\/search\?q=starmarker/);

  console.log('6c. a Cyrillic document id has its link and its page');
  await page.goto(base + '/?q=quokkafold');
  await page.locator('.hit .citation a').first().waitFor();
  assert.match(await page.locator('.hit .citation a').first().getAttribute('href'), /^\/doc\/%D0%B4%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4\.en/);
  await page.locator('.hit .citation a').first().click();
  await page.locator('.unit.target').waitFor();
  assert.ok((await page.locator('.unit.target .text').textContent()).includes('quokkafold'));

  console.log('6d. a slow answer never overwrites a newer view (document and cite)');
  const hostileId = (await (await page.request.get(base + '/api/search?q=zanzibarian')).json()).hits[0].doc;
  let released = null;
  await page.route(/\/api\/show\?doc=hostile/, async (route) => { await new Promise((r) => { released = r; }); await route.continue(); });
  await page.goto(base + '/doc/' + hostileId);
  await page.waitForFunction(() => document.getElementById('doc-status').textContent === 'Loading…');
  await page.evaluate(() => { history.pushState(null, '', '/doc/ctoc-cop-wg.4-2020-4.en'); dispatchEvent(new PopStateEvent('popstate')); });
  await page.locator('#doc-head h1', { hasText: 'CTOC/COP/WG.4/2020/4' }).waitFor();
  released();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#doc-head h1').textContent(), 'CTOC/COP/WG.4/2020/4', 'the late answer was dropped');
  await page.unroute(/\/api\/show\?doc=hostile/);
  released = null;
  await page.route(/\/api\/cite\?ref=HOSTILE/, async (route) => { await new Promise((r) => { released = r; }); await route.continue(); });
  await page.goto(base + '/?tab=cite&ref=' + encodeURIComponent('HOSTILE/2021/1, para. 1'));
  await page.waitForFunction(() => document.getElementById('cite-status').textContent === 'Looking up…');
  await page.locator('#ref').fill('CTOC/COP/WG.4/2020/4, para. 12');
  await page.locator('#ref').press('Enter');
  await page.locator('#cite-results .citation', { hasText: 'CTOC/COP/WG.4/2020/4, para. 12' }).waitFor();
  released();
  await page.waitForTimeout(500);
  assert.deepEqual(await page.locator('#cite-results .citation').allTextContents(), ['CTOC/COP/WG.4/2020/4, para. 12']);
  await page.unroute(/\/api\/cite\?ref=HOSTILE/);

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
