// The administrator sets the Pemda's letterhead: a refused logo (a text file named .png) and a bad NIP keep what
// was saved and name the field; good settings are saved, and the sample letter downloads as a PDF with them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, login, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the letterhead settings refuse bad input by field and the sample letter follows them', async () => {
  const p = await page(browser, { viewport: { width: 1280, height: 900 } });
  await login(p, 'admin');
  await p.goto(`${base}/pemda`);
  await p.getByTestId('documents-settings').click();
  await p.waitForURL(`${base}/pemda/dokumen`);
  assert.equal(await p.getByLabel('Tempat penandatanganan').inputValue(), 'Tangerang Selatan', 'the demo place');
  await p.getByLabel('Berkas logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('bukan gambar') });
  await p.getByRole('button', { name: 'Unggah logo' }).click();
  assert.match(await p.locator('#e-logo').innerText(), /.+/);
  assert.ok(await p.locator('img[alt="Logo yang tersimpan"]').isVisible(), 'the stored logo stays');
  await shot(p, 'documents-logo-refused');
  await p.getByLabel('NIP (18 angka)').fill('12345');
  await p.getByRole('button', { name: 'Simpan' }).click();
  assert.match(await p.locator('#e-report_nip').innerText(), /.+/);
  await p.getByLabel('NIP (18 angka)').fill('197606142000122001');
  await p.getByLabel('Alamat dan kontak').fill('Jl. Maruga No. 1, Serua, Ciputat\nTelepon (021) 5550-1010');
  await p.getByRole('button', { name: 'Simpan' }).click();
  await p.waitForURL(`${base}/pemda/dokumen?notice=saved`);
  assert.match(await p.getByLabel('Alamat dan kontak').inputValue(), /Telepon \(021\) 5550-1010/);
  await shot(p, 'documents-settings');
  const response = await p.context().request.get(`${base}/pemda/dokumen/contoh.pdf`);
  assert.equal(response.status(), 200);
  assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  await p.context().close();
});
