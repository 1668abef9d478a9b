// The administrator imports units from CSV: a file with a bad row imports nothing and lists every bad row; a good
// file imports and the units appear in the tree; the calendar shows the shipped holidays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, engine, launch, login, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const upload = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('a units CSV with bad rows imports nothing and names every row', async () => {
  const p = await page(browser);
  await login(p, 'admin');
  await p.goto(`${base}/unit/impor`);
  await p.getByLabel('Berkas CSV atau XLSX').setInputFiles(upload('salah.csv',
    'kode,kode_induk,jenis,nama\nDISPORA,,dinas,Dinas Pemuda dan Olahraga\nUPT-X,TIDAK-ADA,upt,UPT Contoh\nBAD,,galaksi,Badan Aneh\n'));
  await p.getByRole('button', { name: 'Periksa dan impor' }).click();
  const problems = await p.locator('#import-problems li').allInnerTexts();
  assert.ok(problems.some((it) => it.includes('3')), problems.join('\n'));
  assert.ok(problems.some((it) => it.includes('4')), problems.join('\n'));
  await shot(p, 'import-refused');
  await p.goto(`${base}/unit?q=DISPORA`);
  assert.doesNotMatch(await p.locator('#unit-tree').innerText(), /Pemuda dan Olahraga/);
  await p.context().close();
});

test('a good units CSV imports and the units appear in the tree', async () => {
  const p = await page(browser);
  await login(p, 'admin');
  await p.goto(`${base}/unit/impor`);
  await p.getByLabel('Berkas CSV atau XLSX').setInputFiles(upload(`unit-${engine}.csv`,
    'kode,kode_induk,jenis,nama,singkatan,alias\nDISPORA,,dinas,Dinas Pemuda dan Olahraga,Dispora,Dinas Pora\n'));
  await p.getByRole('button', { name: 'Periksa dan impor' }).click();
  assert.match(await p.locator('#import-result').innerText(), /1 unit baru/);
  await shot(p, 'import-done');
  await p.goto(`${base}/unit?q=pora`);
  assert.match(await p.locator('#unit-tree').innerText(), /Pemuda dan Olahraga/);
  await shot(p, 'units');
  await p.context().close();
});

test('the calendar shows national holidays and computes a deadline', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'operator.dpmptsp');
  await p.goto(`${base}/kalender?tahun=2026&dari=2026-03-16&hari=15#calculator`);
  assert.match(await p.locator('#calc-due').innerText(), /2026-04-14|14/);
  await shot(p, 'calendar-2026');
  await p.context().close();
});

test('the audit trail records the import and verifies', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'admin');
  await p.goto(`${base}/audit`);
  assert.match(await p.locator('main').innerText(), /unit\.create|unit/);
  await shot(p, 'audit');
  await p.context().close();
});
