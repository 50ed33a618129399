/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core) against
 * `parley serve` on a random loopback port, over a store filled through the real pipeline from
 * the fixture articles: open the dashboard, filter and sort events, export, open a dyad timeline
 * and click a point, open the network and click an edge, open an article and see its highlighted
 * evidence, at 1280×800 and on a narrow window. Any page error or console error (a CSP violation,
 * a failed request) fails the test. Screenshots: test-artifacts/dashboard-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, browserMissing, CHROMIUM, ensureDashboard, fixtureStore, LAUNCH_ARGS, removeDir, startServe } from './setup.js';
import type { Server } from './setup.js';

/** What the dashboard exposes for these tests (its echarts chart and cytoscape graph), as far as they use it. */
declare global {
  interface Window {
    parleyDyadChart?: { convertToPixel(finder: { seriesIndex: number }, value: number[]): number[] };
    parleyNetwork?: {
      nodes(): { length: number; map<T>(fn: (n: { id(): string }) => T): T[] };
      getElementById(id: string): { data(key: string): unknown; renderedMidpoint(): { x: number; y: number } };
    };
  }
}

const skip = browserMissing();
if (skip) process.stderr.write(`dashboard e2e: ${skip}\n`);

describe('dashboard', { skip, timeout: 180_000 }, () => {
  let browser: Browser;
  let server: Server;
  let dir: string;
  let context: BrowserContext;
  const problems: string[] = [];

  before(async () => {
    ensureDashboard();
    const store = await fixtureStore();
    dir = store.dir;
    server = await startServe(store.db);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (dir) removeDir(dir);
  });

  /** A page that records page errors and console errors. */
  async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${path}: console error: ${m.text()}`);
    });
    await page.goto(server.url + path);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir(), `dashboard-${name}.png`), fullPage: true });

  test('dashboard opens on the events table with every stored event', async () => {
    const page = await open('/');
    await page.waitForSelector('table.events tbody tr');
    await page.waitForSelector('.table-status small');
    const rows = await page.locator('table.events tbody tr').count();
    assert.ok(rows >= 12, `rows: ${rows}`);
    assert.match((await page.locator('#stats').textContent()) ?? '', /6 documents/);
    // Evidence excerpts mark the trigger word.
    assert.ok((await page.locator('table.events mark.trigger').count()) >= rows);
    await shot(page, 'events');
    await page.close();
  });

  test('dashboard filters events, sorts them and keeps the state in the URL', async () => {
    const page = await open('/events');
    await page.waitForSelector('table.events tbody tr');
    await page.fill('#f-source', 'IRN');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/source=IRN/);
    await page.waitForSelector('.table-status small');
    const dyads = await page.locator('table.events tbody td.dyad').allTextContents();
    assert.ok(dyads.length > 0);
    for (const d of dyads) assert.match(d, /^(.*\(IRN\)|IRN) →/);
    // Sort by Goldstein, lowest first (the first click sorts descending, the second ascending).
    await page.click('a[data-sort=goldstein]');
    await page.waitForURL(/sort=goldstein&order=desc/);
    await page.click('a[data-sort=goldstein]');
    await page.waitForURL(/sort=goldstein&order=asc/);
    await page.waitForSelector('.table-status small');
    const golds = (await page.locator('table.events tbody td.gold').allTextContents()).map(Number);
    assert.deepEqual(golds, [...golds].sort((a, b) => a - b));
    assert.equal(await page.inputValue('#f-source'), 'IRN', 'the form shows the filter from the URL');
    // The export links carry the same filter.
    const csvHref = await page.getAttribute('.exports a:has-text("CSV")', 'href');
    assert.match(csvHref ?? '', /source=IRN/);
    assert.match(csvHref ?? '', /format=csv/);
    const csv = await page.request.get(server.url + csvHref!);
    assert.equal(csv.status(), 200);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.match(lines[0], /^id,doc_id,date/);
    assert.equal(lines.length - 1, dyads.length);
    const gdelt = await page.request.get(server.url + (await page.getAttribute('.exports a:has-text("GDELT")', 'href'))!);
    assert.equal((await gdelt.text()).trim().split('\n')[0].split('\t').length, 61);
    await shot(page, 'events-filtered');
    // Back to the unfiltered table through history.
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('source='));
    await page.close();
  });

  test('dashboard shows empty and error states', async () => {
    const page = await open('/events?source=ZZZ');
    await page.waitForSelector('.state.empty');
    assert.match((await page.textContent('.state.empty')) ?? '', /No events match/);
    await page.goto(`${server.url}/events?code=999`);
    await page.waitForSelector('.state.error');
    const text = (await page.textContent('.state.error')) ?? '';
    assert.match(text, /not a CAMEO code/);
    assert.match(text, /parameter: code/);
    await shot(page, 'error');
    await page.close();
    // The failed request is an expected 400; forget its console line.
    for (let i = problems.length - 1; i >= 0; i--) if (/400/.test(problems[i])) problems.splice(i, 1);
  });

  test('dashboard opens a dyad timeline and lists the events of a clicked point', async () => {
    const page = await open('/dyad?a=CHN&b=IRN&interval=month');
    await page.waitForSelector('.chart canvas');
    await page.waitForFunction(() => window.parleyDyadChart !== undefined);
    const points = await page.locator('table.series tbody tr').count();
    assert.ok(points >= 5, `points: ${points}`);
    // Click November on the a → b Goldstein line (mean 1; b → a is 2.2 that month) on the canvas.
    const periods = await page.locator('table.series tbody th').allTextContents();
    const nov = periods.indexOf('2022-11-01');
    assert.ok(nov > 0, periods.join());
    const [x, y] = await page.evaluate((i) => window.parleyDyadChart!.convertToPixel({ seriesIndex: 0 }, [i, 1]), nov);
    const box = (await page.locator('.chart').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForURL(/period=2022-11-01&dir=ab/);
    await page.waitForSelector('.event-panel .event-list li');
    assert.match((await page.textContent('.event-panel h3')) ?? '', /CHN → IRN, 2022-11-01 to 2022-11-30/);
    const listed = await page.locator('.event-panel .event-list li').allTextContents();
    assert.equal(listed.length, 1, 'the November CHN → IRN event: the ministers met');
    assert.match(listed[0], /Wang Yi met/);
    // A row of the table lists the other direction of the same month.
    await page.click('details.series-table summary');
    await page.click('tr[data-period="2022-11-01"] button[data-dir=ba]');
    await page.waitForURL(/dir=ba/);
    await page.waitForFunction(() => document.querySelectorAll('.event-panel .event-list li').length === 2);
    await shot(page, 'dyad');
    // The shared link opens the same selection.
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await again.waitForSelector('.event-panel .event-list li');
    assert.equal(await again.locator('.event-panel .event-list li').count(), 2);
    assert.match((await again.textContent('.event-panel h3')) ?? '', /IRN → CHN, 2022-11-01/);
    await again.close();
    await page.close();
  });

  test('dashboard draws the network and lists the events of a clicked edge', async () => {
    const page = await open('/network');
    await page.waitForFunction(() => (window.parleyNetwork?.nodes().length ?? 0) > 0);
    const nodes = await page.evaluate(() => window.parleyNetwork!.nodes().map((n) => n.id()).sort());
    assert.deepEqual(nodes, ['CHN', 'IRN', 'NATO', 'POL', 'RUS', 'UKR', 'USA']);
    const colour = await page.evaluate(() => window.parleyNetwork!.getElementById('RUS>UKR').data('color') as string);
    assert.equal(colour, 'rgb(200, 48, 40)', 'an attack edge is conflict red');
    const mid = await page.evaluate(() => window.parleyNetwork!.getElementById('USA>IRN').renderedMidpoint());
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.click(box.x + mid.x, box.y + mid.y);
    await page.waitForURL(/edge=USA%3EIRN|edge=USA>IRN/);
    await page.waitForSelector('.event-panel .event-list li');
    assert.match((await page.textContent('.event-panel .event-list')) ?? '', /imposed sanctions/);
    await shot(page, 'network');
    await page.close();
  });

  test('dashboard opens an article from the table and highlights its evidence', async () => {
    const page = await open('/events?code=041');
    await page.waitForSelector('table.events tbody tr');
    await page.click('table.events tbody tr >> nth=0 >> td.evidence a');
    await page.waitForURL(/\/article\/a-phone\?event=/);
    await page.waitForSelector('.doc-text .mention');
    const mentions = await page.locator('.doc-text .mention').allTextContents();
    assert.ok(mentions.join(' ').includes('Xi Jinping'), mentions.join(' | '));
    const selected = await page.locator('.doc-text .trigger.selected').allTextContents();
    assert.deepEqual(selected, ['spoke']);
    assert.equal(await page.locator('.doc-events li.active').count(), 1);
    const dropped = page.locator('.doc-text .block.dropped');
    assert.deepEqual(await dropped.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.reason)), ['headline', 'caption']);
    assert.match((await dropped.nth(1).textContent()) ?? '', /dropped: caption.*Photo/);
    // Choosing another event moves the highlight.
    await page.click('.doc-events li:not(.active) button >> nth=0');
    await page.waitForFunction(() => document.querySelectorAll('.doc-events li.active').length === 1);
    assert.ok((await page.locator('.doc-text .evidence.selected').count()) > 0);
    await shot(page, 'article');
    await page.close();
  });

  test('dashboard is usable on a narrow window', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of ['/events', '/article/a-meeting', '/dyad?a=CHN&b=IRN&interval=month']) {
        const page = await open(path, narrow);
        await page.waitForSelector('table.events tbody tr, .doc-text, .chart canvas');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px`);
        await shot(page, `narrow-${path.split(/[/?]/)[1]}`);
        await page.close();
      }
    } finally {
      await narrow.close();
    }
  });

  test('dashboard pages raised no script or console errors', () => {
    assert.deepEqual(problems, []);
  });
});
