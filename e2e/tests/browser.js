// Shared set-up of the browser tests: one Chromium per test file, a fresh context per test, screenshots by name.
import { chromium } from 'playwright-core';

export const base = process.env.PANTAU_E2E_URL ?? 'http://127.0.0.1:8080';
export const engine = process.env.PANTAU_E2E_ENGINE ?? 'sqlite';
export const demoPassword = 'pantau-demo-2026';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function page(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  return context.newPage();
}

export async function shot(pageHandle, name) {
  await pageHandle.screenshot({ path: `screenshots/${engine}-${name}.png`, fullPage: true });
}

export async function login(pageHandle, username) {
  await pageHandle.goto(`${base}/masuk`);
  await pageHandle.getByLabel('Nama pengguna').fill(username);
  await pageHandle.getByLabel('Kata sandi').fill(demoPassword);
  await pageHandle.getByRole('button', { name: 'Masuk' }).click();
  await pageHandle.waitForURL(`${base}/beranda`);
}

export async function navLinks(pageHandle) {
  return pageHandle.locator('nav.main a').allInnerTexts();
}
