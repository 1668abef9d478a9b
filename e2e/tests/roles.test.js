// Each demo role logs in and sees the navigation its role opens, and nothing more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, login, navLinks, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const expected = {
  admin: ['Beranda', 'Kinerja Unit', 'Pengaduan', 'Survei (SKM)', 'Berita', 'Disiplin', 'Unit Kerja', 'Pengguna', 'Kalender Kerja', 'Jejak Audit',
    'Pengaturan Pemda'],
  sekda: ['Beranda', 'Kinerja Unit', 'Pengaduan', 'Survei (SKM)', 'Berita', 'Disiplin', 'Pegawai', 'Unit Kerja', 'Pengguna', 'Kalender Kerja', 'Jejak Audit'],
  inspektur: ['Beranda', 'Kinerja Unit', 'Pengaduan', 'Survei (SKM)', 'Berita', 'Disiplin', 'Pegawai', 'Unit Kerja', 'Pengguna', 'Kalender Kerja',
    'Jejak Audit'],
  bkpsdm: ['Beranda', 'Kinerja Unit', 'Berita', 'Disiplin', 'Pegawai', 'Unit Kerja', 'Pengguna', 'Kalender Kerja'],
  'kadis.dpmptsp': ['Beranda', 'Kinerja Unit', 'Pengaduan', 'Survei (SKM)', 'Berita', 'Disiplin', 'Pegawai', 'Unit Kerja', 'Pengguna', 'Kalender Kerja'],
  'operator.dpmptsp': ['Beranda', 'Pengaduan', 'Survei (SKM)', 'Disiplin', 'Unit Kerja', 'Kalender Kerja'],
};

for (const [username, links] of Object.entries(expected)) {
  test(`${username} sees the navigation of the role`, async () => {
    const p = await page(browser);
    await login(p, username);
    assert.deepEqual(await navLinks(p), links);
    await shot(p, `dashboard-${username}`);
    await p.getByRole('button', { name: 'Keluar' }).click();
    await p.waitForURL(/\/(\?.*)?$|\/masuk/);
    await p.goto(`${base}/beranda`);
    assert.match(p.url(), /\/masuk/);
    await p.context().close();
  });
}

test('a unit head sees only the units of the scope', async () => {
  const p = await page(browser);
  await login(p, 'kadis.dpmptsp');
  await p.goto(`${base}/unit`);
  const tree = await p.locator('#unit-tree').innerText();
  assert.match(tree, /Penanaman Modal/);
  assert.doesNotMatch(tree, /Inspektorat/);
  const audit = await p.goto(`${base}/audit`);
  assert.equal(audit.status(), 403);
  await p.context().close();
});

test('a wrong password is refused with a message', async () => {
  const p = await page(browser);
  await p.goto(`${base}/masuk`);
  await p.getByLabel('Nama pengguna').fill('sekda');
  await p.getByLabel('Kata sandi').fill('bukan-sandinya');
  await p.getByRole('button', { name: 'Masuk' }).click();
  assert.match(await p.locator('#login-error').innerText(), /salah/);
  assert.equal(await p.getByLabel('Nama pengguna').inputValue(), 'sekda');
  await p.context().close();
});
