// The leader's desk names the watched units; the leader opens the watch list of the demo year, sees units listed for different rules, follows a unit's overdue
// figure down to an overdue complaint, and reads the unit's card with its trend chart; a unit head sees only their
// own unit, and the operator has no scorecard at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, login, navLinks, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the watch list leads from a listed unit to an overdue complaint', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'sekda');
  assert.ok((await navLinks(p)).includes('Kinerja Unit'));
  // The desk already names the watched units and the weakest ones.
  assert.ok(await p.locator('#desk-watch li').count() >= 3, 'the desk names the watched units');
  assert.ok(await p.locator('#desk-weakest-on_time li').count() >= 1);
  await shot(p, 'desk-leader');
  await p.goto(`${base}/kinerja/pantauan`);
  const rows = p.locator('#watchlist tbody tr');
  assert.ok(await rows.count() >= 3, 'at least three units are listed');
  const rules = new Set(await p.locator('#watchlist .badge').allInnerTexts());
  assert.ok(rules.size >= 3, `listed for different reasons: ${[...rules]}`);
  await shot(p, 'scorecards-watchlist');
  const backlog = rows.filter({ hasText: 'Dinas Perhubungan' });
  assert.equal(await backlog.count(), 1, 'the transport office is listed for its backlog');
  await backlog.locator('a[href*="tampil=terlambat"]').click();
  await p.waitForURL(/\/pengaduan\?unit=.*tampil=terlambat/);
  assert.match(await p.locator('#queue-filter').innerText(), /Dinas Perhubungan/);
  const overdue = p.locator('#queue tbody tr');
  assert.ok(await overdue.count() >= 3, 'the overdue items behind the figure');
  await shot(p, 'scorecards-drilldown');
  await overdue.first().locator('a').first().click();
  await p.waitForURL(/\/pengaduan\/[^/?]+$/);
  assert.match(await p.locator('main').innerText(), /ADU-\d{4}-\d{6}|SRT-\d{4}-\d{6}/);
  await p.context().close();
});

test('a unit card shows its figures and trend, a unit head sees only their unit, an operator none', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'sekda');
  await p.goto(`${base}/kinerja?periode=&cakupan=unit`);
  const names = await p.locator('#scorecards tbody td:first-child a').allInnerTexts();
  assert.ok(names.length >= 20, 'every unit of the demo');
  await p.locator('#scorecards a', { hasText: 'Dinas Kependudukan dan Pencatatan Sipil' }).click();
  await p.waitForURL(/\/kinerja\/unit\//);
  assert.ok(await p.locator('svg.chart').first().isVisible(), 'the trend is drawn without JavaScript');
  assert.equal(await p.locator('#trend tbody tr').count(), 6);
  assert.ok(await p.locator('#figures-complaints').isVisible());
  await shot(p, 'scorecards-unit');
  await p.context().close();

  const head = await page(browser);
  await login(head, 'kadis.dpmptsp');
  await head.goto(`${base}/kinerja`);
  const own = await head.locator('#scorecards tbody td:first-child a').allInnerTexts();
  assert.deepEqual(own, ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu']);
  await shot(head, 'scorecards-unit-head');
  await head.context().close();

  const operator = await page(browser);
  await login(operator, 'operator.dpmptsp');
  assert.ok(!(await navLinks(operator)).includes('Kinerja Unit'));
  const refused = await operator.goto(`${base}/kinerja`);
  assert.equal(refused.status(), 403);
  await operator.context().close();
});
