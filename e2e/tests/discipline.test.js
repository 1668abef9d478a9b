// Discipline: the personnel officer imports a year's attendance in which an analyst of DPMPTSP missed three working
// days without leave, sees the proposal the PP 94/2021 table gives (a verbal reprimand), opens the case from it,
// and walks it in the browser: summons I (a too-short notice is refused with the earliest lawful date), the
// examination with its signed record, the decision by the head of the agency, delivery with the effective date
// computed from the calendar; then downloads the three letters and finds the sanction in the register.
// A bad attendance file is refused first with row-level messages and nothing stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, login, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const desktop = { viewport: { width: 1280, height: 900 }, acceptDownloads: true };
const lestari = '199001172015032002';

/** The first Monday of February of `year` and the two days after it, as ISO dates. */
function februaryDays(year) {
  const day = new Date(Date.UTC(year, 1, 1));
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return [0, 1, 2].map((n) => new Date(day.getTime() + n * 86400000).toISOString().slice(0, 10));
}

async function upload(p, name, text) {
  await p.setInputFiles('#f-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Impor kehadiran' }).click()]);
}

/** Opens the step form of `kind`, fills it and saves it. */
async function recordStep(p, kind, fields) {
  const form = p.locator(`#form-${kind}`);
  if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
  for (const [name, value] of Object.entries(fields)) {
    const field = form.locator(`[name="${name}"]`);
    const tag = await field.evaluate((it) => it.tagName + (it.type ? `:${it.type}` : ''));
    if (tag.startsWith('SELECT')) await field.selectOption(value);
    else if (tag === 'INPUT:checkbox') await field.check();
    else await field.fill(value);
  }
  await Promise.all([p.waitForNavigation(), form.getByRole('button', { name: 'Simpan langkah' }).click()]);
}

test('a case runs from the attendance proposal to the delivered decision, letters downloaded', async () => {
  const p = await page(browser, desktop);
  await login(p, 'bkpsdm');
  await p.goto(`${base}/disiplin/kehadiran`);
  const year = Number(await p.locator('#f-year').inputValue());
  const days = februaryDays(year);

  await upload(p, 'rekap-salah.csv', `nip,tanggal,status\n${lestari},${days[0]},tanpa keterangan\n`
    + `123456789012345678,${days[1]},hadir\n${lestari},${days[0]},hadir\n`);
  const problems = await p.locator('#import-problems li').allInnerTexts();
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /baris 3.*tidak ada di register/);
  assert.match(problems[1], /baris 4.*dua kali/);
  assert.equal(await p.locator('#proposals tr', { hasText: 'Lestari' }).count(), 0, 'nothing of the bad file stored');

  await upload(p, 'rekap-dpmptsp.csv', `nip,tanggal,status\n${days.map((d) => `${lestari},${d},tanpa keterangan`).join('\n')}\n`);
  assert.match(await p.locator('#import-result').innerText(), /3 baris dari 1 pegawai/);
  const row = p.locator('#proposals tbody tr', { hasText: 'Lestari Wulandari' });
  assert.match(await row.innerText(), /Teguran lisan/);
  await shot(p, 'discipline-proposals');
  await row.getByRole('link', { name: 'Buka kasus' }).click();

  await p.waitForURL(/\/disiplin\/kasus\/baru/);
  assert.match(await p.locator('#f-employee option:checked').innerText(), /Lestari Wulandari/);
  await p.getByLabel('Fakta').fill('Tiga hari kerja berturut-turut tanpa keterangan pada awal Februari menurut rekap kehadiran.');
  await p.getByRole('button', { name: 'Buka kasus' }).click();
  await p.waitForURL(/\/disiplin\/kasus\/[0-9a-f-]{36}$/);
  assert.match(await p.locator('#summary').innerText(), /Ringan/);
  assert.match(await p.locator('#due').innerText(), /Surat panggilan I/);

  await recordStep(p, 'summons', { sent: `${year}-10-05`, examination: `${year}-10-07` });
  assert.match(await p.locator('#step-error').innerText(), /Pemeriksaan paling cepat \d+ Oktober/);
  await recordStep(p, 'summons', {
    sent: `${year}-10-05`, examination: `${year}-10-20`, time: '09.00 WIB', place: 'Ruang rapat DPMPTSP',
    examiner: 'Bambang Suryadi, S.T., M.M.', letter_number: '800/311/DPMPTSP',
  });
  assert.match(await p.locator('#due').innerText(), /Pemeriksaan/);
  await recordStep(p, 'examined', {
    on: `${year}-10-20`, examiner: 'Bambang Suryadi, S.T., M.M.',
    record: 'Yang diperiksa mengakui tidak masuk kerja tiga hari karena mengurus orang tua yang sakit tanpa memberi kabar.',
    signed: 'on',
  });
  // A functional official of the agency: the Kepala Dinas (JPT pratama) or an administrator, ringan and sedang; the
  // Wali Kota only berat.
  const offices = await p.locator('#decided-official option').allInnerTexts();
  assert.deepEqual(offices.slice(1).map((it) => it.replace(/^.*\(/, '(')), ['(ringan, sedang)', '(ringan, sedang)', '(berat)']);
  const decision = p.locator('#form-decided');
  if ((await decision.getAttribute('open')) === null) await decision.locator('summary').click();
  await shot(p, 'discipline-decision-form');
  await recordStep(p, 'decided', {
    on: `${year}-10-26`, sanction: 'teguran_lisan', official: 'jpt_pratama',
    official_name: 'Bambang Suryadi, S.T., M.M.', letter_number: '800/325/DPMPTSP', place: 'Tangerang Selatan',
  });
  assert.equal(await p.locator('#case-state').innerText(), 'Diputus');
  await recordStep(p, 'delivered', { on: `${year}-10-28` });
  assert.equal(await p.locator('#case-state').innerText(), 'Disampaikan');
  assert.equal(await p.locator('#case-sanction').innerText(), 'Teguran lisan');
  assert.match(await p.locator('#case-effective').innerText(), /^\d{1,2} (Oktober|November) \d{4}$/);
  await shot(p, 'discipline-case');

  const letters = p.locator('a.letter');
  assert.equal(await letters.count(), 3);
  for (let i = 0; i < 3; i += 1) {
    const [download] = await Promise.all([p.waitForEvent('download'), letters.nth(i).click()]);
    assert.match(download.suggestedFilename(), /^(panggilan|bap|keputusan)-HD-\d{4}-\d{4}-\d+\.pdf$/);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).subarray(0, 4).toString(), '%PDF');
  }
  await p.reload();
  assert.match(await p.locator('#views').innerText(), /surat:keputusan/);

  await p.goto(`${base}/disiplin/sanksi`);
  assert.match(await p.locator('#register').innerText(), /Lestari Wulandari[\s\S]*Teguran lisan/);
  await shot(p, 'discipline-register');
  await p.goto(`${base}/disiplin/aturan`);
  assert.match(await p.locator('#authority').innerText(), /Pejabat Pembina Kepegawaian \(Bupati\/Wali Kota\)/);
  await shot(p, 'discipline-rules');
  await p.context().close();
});

test('the employee concerned reads their own case, and a unit operator reads no one else\'s', async () => {
  const p = await page(browser, desktop);
  await login(p, 'operator.dpmptsp');
  await p.goto(`${base}/disiplin`);
  assert.match(await p.locator('main').innerText(), /Tidak ada kasus disiplin yang dapat Anda baca/);
  await p.context().close();
});
