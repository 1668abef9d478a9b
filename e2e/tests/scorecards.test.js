// The leader's desk names the watched units; the leader opens the watch list of the demo year, sees units listed for different reasons, follows a unit's overdue
// figure down to an overdue complaint, and reads the unit's card with its trend chart; a unit head sees only their
// own unit, and the operator has no scorecard at all. A leader records a teguran about a listed unit (its letter is a
// PDF) and the unit's head answers it with a plan from their desk; the weekly digest reads as it will be sent. An
// administrator saves the Pemda's own copy of the PEKPPP instrument, is refused a broken one, and goes back to the
// shipped file.
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

test('a leader records a teguran about a listed unit and its head answers with a plan', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'sekda');
  await p.goto(`${base}/kinerja/pantauan`);
  const row = p.locator('#watchlist tbody tr').filter({ hasText: 'Dinas Perhubungan' });
  await row.locator('a.decide').click();
  await p.waitForURL(/\/kinerja\/unit\/[^/]+\/keputusan/);
  assert.match(await p.locator('#decision-reasons').innerText(), /tunggakan_lama|tepat_waktu_rendah/);
  await p.getByLabel('Jenis keputusan').selectOption('teguran');
  await p.getByLabel('Catatan pimpinan').fill('Tunggakan pengaduan lampu lalu lintas diselesaikan bulan ini.');
  await shot(p, 'decision-form');
  await p.getByRole('button', { name: 'Simpan keputusan' }).click();
  await p.waitForURL(/\/kinerja\/keputusan\/[^/]+$/);
  const decisionUrl = p.url();
  assert.match(await p.locator('#decision-standing').innerText(), /menunggu rencana/);
  const href = await p.locator('#teguran-pdf').getAttribute('href');
  const letter = await p.context().request.get(`${base}${href}`);
  assert.equal(letter.status(), 200);
  assert.equal((await letter.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(letter.headers()['content-disposition'], /teguran-KP-\d{4}-\d{4}\.pdf/);
  await shot(p, 'decision-recorded');

  const head = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(head, 'kadis.dishub');
  const desk = head.locator('#desk-decisions');
  assert.match(await desk.innerText(), /Teguran/);
  await desk.locator('li a').first().click();
  await head.waitForURL(/\/kinerja\/keputusan\/[^/]+$/);
  await head.getByLabel('Rencana tindak lanjut', { exact: true }).fill('Dua petugas piket ditambah; semua tunggakan dijawab dalam sepuluh hari kerja.');
  await head.getByRole('button', { name: 'Kirim rencana' }).click();
  await head.waitForURL(/\/kinerja\/keputusan\/[^/]+$/);
  assert.match(await head.locator('#decision-plan').innerText(), /Dua petugas piket/);
  await shot(head, 'decision-answered');
  await head.context().close();

  await p.goto(decisionUrl);
  assert.match(await p.locator('#decision-standing').innerText(), /dijawab/);
  await p.goto(`${base}/notifikasi`);
  assert.match(await p.locator('main').innerText(), /Rencana unit/);
  await p.context().close();
});

test('the weekly digest reads as it will be sent and can be switched off', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'sekda');
  await p.locator('#desk-decisions a[href="/akun/ringkasan"]').click();
  await p.waitForURL(/\/akun\/ringkasan$/);
  const text = await p.locator('#digest-preview').innerText();
  assert.match(text, /Ringkasan mingguan Pantau/);
  assert.match(text, /Daftar pantauan \d{4}-T\d: \d+ unit/);
  assert.match(text, /Keputusan pimpinan yang menunggu rencana unit/);
  await shot(p, 'digest-preview');
  await p.locator('input[name="terima"]').uncheck();
  await p.getByRole('button', { name: 'Simpan' }).click();
  await p.waitForURL(/\/akun\/ringkasan\?notice=saved$/);
  assert.equal(await p.locator('input[name="terima"]').isChecked(), false);
  await p.context().close();
});

test('an administrator saves and resets the Pemda\'s copy of the PEKPPP instrument; a broken copy is refused', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'admin');
  await p.goto(`${base}/kinerja/aturan`);
  await p.locator('#rule-files a[href="/kinerja/aturan/berkas/pekppp-2025"]').click();
  await p.waitForURL(/\/kinerja\/aturan\/berkas\/pekppp-2025$/);
  assert.match(await p.locator('#file-shipped').innerText(), /bawaan/);
  const shipped = await p.locator('#f-body').inputValue();
  await p.locator('#f-body').fill(shipped.replace('code = "2.a.P"', 'code = "2.a.X"'));
  await p.getByRole('button', { name: 'Simpan' }).click();
  assert.match(await p.locator('#file-error').innerText(), /Berkas tidak disimpan.*2\.a\.P/);
  await p.locator('#f-body').fill(shipped.replace('evaluator = 0.75\nusers = 0.25', 'evaluator = 0.7\nusers = 0.3'));
  await p.getByRole('button', { name: 'Simpan' }).click();
  await p.locator('#file-saved').waitFor();
  assert.match(await p.locator('#file-edited').innerText(), /salinannya sendiri/);
  await shot(p, 'pekppp-instrument-copy');
  await p.getByRole('button', { name: 'Kembali ke berkas bawaan' }).click();
  await p.locator('#file-shipped').waitFor();
  await p.context().close();
});
