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

  await p.getByRole('link', { name: 'EN', exact: true }).click();
  await p.waitForLoadState();
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  const english = await p.locator('main h1').innerText();
  assert.notEqual(english, indonesian);
  assert.match(english, /public services/i);
  await shot(p, 'home-en');

  // The choice follows the user into the staff pages.
  await p.locator('header').getByRole('link', { name: 'Log in' }).click();
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  await p.locator('#f-username').fill('admin');
  await p.locator('#f-password').fill('pantau-demo-2026');
  await p.locator('main button[type=submit]').click();
  await p.waitForURL(`${base}/beranda`);
  assert.match(await p.locator('nav.main').innerText(), /Units/);
  await p.goto(`${base}/unit`);
  await shot(p, 'units-en');

  await p.getByRole('link', { name: 'ID', exact: true }).click();
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
