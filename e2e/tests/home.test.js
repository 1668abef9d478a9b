// The public home page speaks Indonesian first and switches to English and back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('home page is Indonesian and switches to English and back', async () => {
  const p = await page(browser);
  await p.goto(`${base}/`);
  assert.equal(await p.getAttribute('html', 'lang'), 'id');
  const indonesian = await p.locator('main h1').innerText();
  assert.match(indonesian, /pelayanan publik/i);
  await shot(p, 'home-id');

  await p.getByRole('link', { name: 'EN' }).click();
  await p.waitForLoadState();
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  const english = await p.locator('main h1').innerText();
  assert.notEqual(english, indonesian);
  await shot(p, 'home-en');

  await p.getByRole('link', { name: 'ID' }).click();
  await p.waitForLoadState();
  assert.equal(await p.getAttribute('html', 'lang'), 'id');
  await p.context().close();
});

test('pages work without JavaScript', async () => {
  const p = await page(browser, { javaScriptEnabled: false });
  await p.goto(`${base}/masuk`);
  await p.getByLabel('Nama pengguna').fill('admin');
  await p.getByLabel('Kata sandi').fill('pantau-demo-2026');
  await p.getByRole('button', { name: 'Masuk' }).click();
  await p.waitForURL(`${base}/beranda`);
  await p.goto(`${base}/unit?q=dpmptsp`);
  assert.match(await p.locator('#unit-tree').innerText(), /Penanaman Modal/);
  await p.context().close();
});
