// The public satisfaction survey (SKM): the head of DPMPTSP defines a service and opens a survey for it; a citizen
// answers on a phone through the short link and is refused a second time the same day; a counter tablet switched to
// kiosk mode collects one more response; the survey page shows the index computed by hand, and the public report
// offers it as PDF and XLSX.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, engine, launch, login, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const desktop = { viewport: { width: 1280, height: 900 } };
const tablet = { viewport: { width: 800, height: 1280 } };
const unitName = 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu';

const service = {
  name: `Legalisasi salinan izin usaha di loket DPMPTSP (${engine})`,
  description: 'Pengesahan fotokopi NIB, izin usaha, dan sertifikat standar untuk keperluan lelang atau perbankan.',
  population: '1200',
};

// Answers to U1–U9 (1 = worst, 4 = best) of the two respondents.
const phoneAnswers = [4, 4, 3, 4, 4, 3, 4, 4, 2];
const kioskAnswers = [3, 4, 4, 4, 3, 4, 4, 4, 4];

/** The converted index by hand: NRR per element = mean of the answers, IKM = mean of the nine NRRs, × 25, rounded
 * half up to two decimals and written with a decimal comma. Integer arithmetic, so no floating-point ties. */
function convertedByHand(...respondents) {
  const n = respondents.length;
  const total = respondents.flat().reduce((sum, it) => sum + it, 0);
  // converted × 100 = 2500 × total / (9 n); half up: floor((2 × 2500 × total + 9 n) / (2 × 9 n)).
  const hundredths = Math.floor((5000 * total + 9 * n) / (18 * n));
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
}

/** Ticks one answer per question (the n-th radio of fieldset #q-uN) and fills the optional part. */
async function answer(p, answers, profile, suggestion) {
  for (const [index, value] of answers.entries()) {
    await p.locator(`#q-u${index + 1}`).getByRole('radio').nth(value - 1).check();
  }
  for (const [label, value] of Object.entries(profile)) {
    await p.getByLabel(label, { exact: true }).selectOption(value);
  }
  if (suggestion) await p.getByLabel('Saran dan masukan (boleh dikosongkan)').fill(suggestion);
}

test('a survey is opened, answered by phone and at a kiosk, and reported with the right index', async () => {
  // The head of DPMPTSP defines the service and opens a survey for it.
  const head = await page(browser, desktop);
  await login(head, 'kadis.dpmptsp');
  await head.goto(`${base}/skm`);
  const newService = head.locator('#new-service');
  await newService.getByLabel('Unit', { exact: true }).selectOption({ label: unitName });
  await newService.getByLabel('Nama layanan').fill(service.name);
  await newService.getByLabel('Keterangan').fill(service.description);
  await newService.getByLabel('Jumlah penerima layanan per tahun').fill(service.population);
  await newService.getByRole('checkbox', { name: 'Layanan masih diberikan' }).check();
  await newService.getByRole('button', { name: 'Tambah jenis layanan' }).click();
  await head.waitForURL(`${base}/skm?notice=created`);
  assert.equal(await head.locator('[role=alert]').count(), 0, await head.locator('main').innerText());
  const row = head.locator('table tbody tr').filter({ hasText: service.name });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /belum ada survei/);

  const openSurvey = head.locator('#open-survey');
  const option = openSurvey.locator('#f-service_id option').filter({ hasText: service.name });
  await openSurvey.getByLabel('Jenis layanan', { exact: true }).selectOption(await option.getAttribute('value'));
  // The first choice is the current quarter, so the responses of today fall in it.
  const period = await openSurvey.locator('#f-period option').first().getAttribute('value');
  await openSurvey.getByLabel('Periode', { exact: true }).selectOption(period);
  await openSurvey.getByLabel('Jumlah penerima layanan pada periode ini').fill('300');
  await openSurvey.getByRole('button', { name: 'Buka survei' }).click();
  await head.waitForURL(/\/skm\/survei\/[^/?]+\?notice=created$/);
  const surveyUrl = head.url().replace(/\?.*$/, '');
  assert.match(await head.locator('h1').innerText(), new RegExp(service.name.replace(/[()]/g, '\\$&')));
  const shortHref = await head.locator('[data-testid=short-link]').getAttribute('href');
  assert.match(shortHref, /^\/s\/[^/]+$/);
  const code = shortHref.slice('/s/'.length);
  assert.equal(await head.locator('.qr svg').count(), 1);
  assert.equal(await head.locator('[data-testid=respondents]').innerText(), '0');
  await head.locator('#settings').waitFor();
  await head.locator('#import').waitFor();
  const poster = await head.context().request.get(`${base}/s/${code}/poster.pdf`);
  assert.equal(poster.status(), 200);
  assert.equal((await poster.body()).subarray(0, 4).toString('latin1'), '%PDF');
  const reportHref = await head.getByRole('link', { name: 'Halaman hasil untuk publik' }).getAttribute('href');
  await head.context().close();

  // A citizen answers on a phone through the short link.
  const citizen = await page(browser);
  await citizen.goto(`${base}${shortHref}`);
  assert.ok((await citizen.locator('.lead').innerText()).includes(service.name));
  assert.equal((await citizen.locator('#q-u1 label').nth(3).innerText()).trim(), 'Sangat sesuai');
  assert.equal(await citizen.locator('fieldset.question').count(), 9);
  await answer(citizen, phoneAnswers, { 'Jenis kelamin': 'p', Umur: '26_35', 'Pendidikan terakhir': 'd4_s1',
    Pekerjaan: 'wirausaha', 'Waktu menerima layanan': 'pagi' },
  'Petugas loket sigap, tetapi antrean untuk pengaduan masih lama dan tidak jelas siapa yang menanganinya.');
  await shot(citizen, 'survey-phone-form');
  await citizen.getByRole('button', { name: 'Kirim jawaban' }).click();
  await citizen.waitForURL(`${base}/s/${code}/terima-kasih`);
  assert.match(await citizen.getByRole('status').innerText(), /sudah tersimpan/);
  await shot(citizen, 'survey-phone-thanks');

  // The same phone tries again on the same day and is refused.
  await citizen.goto(`${base}${shortHref}`);
  await answer(citizen, [1, 1, 1, 1, 1, 1, 1, 1, 1], {}, '');
  const [refused] = await Promise.all([
    citizen.waitForResponse((it) => it.request().method() === 'POST' && it.url().endsWith(`/s/${code}`)),
    citizen.getByRole('button', { name: 'Kirim jawaban' }).click(),
  ]);
  assert.equal(refused.status(), 409);
  await citizen.getByRole('alert').filter({ hasText: 'sudah mengisi survei untuk layanan ini hari ini' }).waitFor();
  assert.equal(await citizen.locator('#skm-form').count(), 0);
  await shot(citizen, 'survey-phone-refused');
  await citizen.context().close();

  // A counter tablet is switched to kiosk mode; the staff session on it ends.
  const kiosk = await page(browser, tablet);
  await login(kiosk, 'kadis.dpmptsp');
  await kiosk.goto(`${base}/kiosk`);
  await kiosk.getByLabel('Unit', { exact: true }).selectOption({ label: unitName });
  await kiosk.getByLabel('Nama kios (misalnya letak tablet)').fill(`Tablet loket 2 (${engine})`);
  await kiosk.getByRole('button', { name: 'Aktifkan perangkat ini sebagai kios' }).click();
  await kiosk.waitForURL(`${base}/kiosk`);
  assert.match(await kiosk.locator('.lead').innerText(), new RegExp(`Tablet loket 2 \\(${engine}\\)`));
  const tile = kiosk.locator('ul.tiles a').filter({ hasText: service.name });
  assert.equal(await tile.count(), 1);
  assert.equal(await kiosk.locator('form[action="/kiosk/aktifkan"]').count(), 0);
  await shot(kiosk, 'survey-kiosk-home');
  await tile.click();
  await kiosk.waitForURL(`${base}/kiosk/${code}`);
  await answer(kiosk, kioskAnswers, { Umur: '46_55', 'Waktu menerima layanan': 'siang' }, '');
  await shot(kiosk, 'survey-kiosk-form');
  const [thanks] = await Promise.all([
    kiosk.waitForResponse((it) => it.request().method() === 'POST' && it.url().endsWith(`/kiosk/${code}`)),
    kiosk.getByRole('button', { name: 'Kirim jawaban' }).click(),
  ]);
  assert.equal(thanks.status(), 200);
  assert.equal(thanks.headers().refresh, '5; url=/kiosk');
  await kiosk.getByRole('status').filter({ hasText: 'sudah tersimpan' }).waitFor();
  await shot(kiosk, 'survey-kiosk-thanks');
  await kiosk.getByRole('link', { name: 'Responden berikutnya' }).click();
  await kiosk.waitForURL(`${base}/kiosk`);
  await kiosk.locator('ul.tiles').waitFor();
  // The tablet no longer carries the staff session.
  await kiosk.goto(`${base}/skm`);
  assert.match(kiosk.url(), /\/masuk/);
  await kiosk.context().close();

  // The head sees both responses counted and the index computed by hand.
  const again = await page(browser, desktop);
  await login(again, 'kadis.dpmptsp');
  await again.goto(surveyUrl);
  assert.equal(await again.locator('[data-testid=respondents]').innerText(), '2');
  const expected = convertedByHand(phoneAnswers, kioskAnswers);
  assert.equal(await again.locator('[data-testid=ikm-converted]').innerText(), expected);
  assert.equal(await again.locator('#h-held').count(), 0);
  assert.match(await again.locator('main').innerText(), /antrean untuk pengaduan masih lama/);
  await shot(again, 'survey-page');
  await again.context().close();

  // Anyone reads the public report and downloads it as PDF and XLSX.
  const reader = await page(browser, desktop);
  await reader.goto(`${base}${reportHref}`);
  assert.match(reader.url(), new RegExp(`period=${period}`));
  assert.match(await reader.locator('h1').innerText(), /Hasil Survei Kepuasan Masyarakat/);
  assert.equal(await reader.locator('[data-testid=ikm-converted]').innerText(), expected);
  assert.equal(await reader.locator('[data-testid=respondents]').innerText(), '2');
  await shot(reader, 'survey-report');
  for (const [testid, magic] of [['pdf', '%PDF'], ['xlsx', 'PK']]) {
    const link = reader.locator(`[data-testid=${testid}]`);
    assert.match(await link.getAttribute('href'), new RegExp(`^/skm/laporan\\.${testid}\\?`));
    const [download] = await Promise.all([reader.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), new RegExp(`\\.${testid}$`));
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    assert.ok(bytes.length > 500, `${testid} is only ${bytes.length} bytes`);
    assert.equal(bytes.subarray(0, magic.length).toString('latin1'), magic);
  }
  await reader.context().close();
});
