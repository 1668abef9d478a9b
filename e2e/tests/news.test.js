// News monitoring: the inspector pastes a local news item about queues at the cooperatives office of Kota Tangerang
// Selatan and reads it cleaned (page furniture and a repeated paragraph gone) with the date, the linked unit and the
// official quoted highlighted; pasting it again opens the same stored article. A second item names the fire brigade,
// which is not in the demo register: the inspector maps that name to a unit once, and a third item naming it links
// at once. The inbox filters by category and unit, the search matches stemmed words and phrases, a preliminary review
// is opened from the first article, and the head of DPMPTSP sees only the news naming DPMPTSP.
// The texts are written for this test (not real articles) and carry the engine and a timestamp, so every run
// stores new articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, engine, launch, login, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const desktop = { viewport: { width: 1280, height: 900 } };
const stamp = `${engine}-${Date.now()}`;

const dinkop = 'Dinas Koperasi dan Usaha Kecil Menengah';
const satpol = 'Satuan Polisi Pamong Praja';
const damkarName = 'Dinas Pemadam Kebakaran dan Penyelamatan Tangsel';
const damkarLong = 'Dinas Pemadam Kebakaran dan Penyelamatan Kota Tangerang Selatan';
const repeated = 'Keluhan serupa masuk melalui kanal pengaduan warga milik Pemerintah Kota Tangerang Selatan sepanjang '
  + 'pekan ini, terutama dari pelaku usaha di Pamulang dan Ciputat.';

// The first item: a complaint about the service of the cooperatives office; it contains "pelayanan" but not
// "dilayani", so the search below has to stem.
const first = {
  title: `Antrean surat keterangan usaha di Dinkop UKM dikeluhkan (${stamp})`,
  body: [
    'Tangsel - Kamis, 12 September 2024',
    'Sejumlah pelaku usaha mikro mengeluhkan antrean panjang dan pelayanan yang lambat di kantor Dinas Koperasi '
      + 'dan UKM Kota Tangerang Selatan di Serpong. Mereka mengaku menunggu hingga empat jam untuk mengurus surat '
      + 'keterangan usaha yang menjadi syarat pinjaman modal.',
    'TINGGALKAN KOMENTAR',
    repeated,
    repeated,
    'Kepala Dinas Sosial Kota Tangerang Selatan, Rahmat Santoso, mengatakan pihaknya siap membantu pendataan '
      + 'pelaku usaha yang berasal dari keluarga penerima bantuan sosial agar pengurusan surat tidak berulang.',
    `Nomor liputan ${stamp}.`,
  ].join('\n\n'),
};

// The second item names the fire brigade with the short region name; the register does not know it.
const second = {
  title: `Armada pemadam kebakaran Tangsel diperiksa jelang musim kemarau (${stamp})`,
  body: [
    'Tangsel - Senin, 2 September 2024',
    `${damkarName} memeriksa kesiapan 18 unit mobil pemadam dan pompa portabel di markas komando Setu. `
      + 'Pemeriksaan dilakukan menjelang puncak musim kemarau ketika kebakaran lahan kosong kerap terjadi.',
    'Petugas juga menguji selang dan alat pernapasan yang dipakai saat memadamkan api di permukiman padat.',
    `Kode berita ${stamp}.`,
  ].join('\n\n'),
};

// The third item names the same agency (also with the long region name) and DPMPTSP: fire-safety checks before a
// business permit is issued.
const third = {
  title: `Pemeriksaan proteksi kebakaran gedung usaha diperketat (${stamp})`,
  body: [
    'Tangsel - Rabu, 18 September 2024',
    `${damkarName} bersama DPMPTSP Kota Tangerang Selatan mewajibkan rekomendasi proteksi kebakaran sebelum `
      + 'persetujuan bangunan gedung untuk rumah toko dan gudang diterbitkan.',
    'Pemilik gudang di Pondok Aren diminta menyiapkan alat pemadam api ringan dan jalur evakuasi yang jelas sebelum '
      + `petugas ${damkarLong} datang memeriksa.`,
    `Kode berita ${stamp}.`,
  ].join('\n\n'),
};

// Shared between the tests, in order.
let firstUrl;
let thirdUrl;

/** Pastes an article on /berita/tambah and returns the article URL it lands on (without the query). */
async function paste(p, article) {
  await p.goto(`${base}/berita/tambah`);
  if (article.title) await p.getByLabel('Judul').fill(article.title);
  await p.getByLabel('Teks atau HTML berita').fill(article.body);
  await p.getByRole('button', { name: 'Simpan dan baca' }).click();
  await p.waitForURL(/\/berita\/[0-9a-f-]{36}\?/);
  return p.url().replace(/\?.*$/, '');
}

/** The article paragraphs, without the legend of the marks and the cleaning note. */
function textOf(p) {
  return p.locator('#article-text > p');
}

/** The list items of an aside section found by its heading. */
function section(p, heading) {
  return p.locator('aside.news-facts section').filter({ has: p.getByRole('heading', { name: heading, exact: true }) });
}

/** The units the article is linked to (the list under the heading "Unit yang disebut"). */
function linkedUnits(p) {
  return section(p, 'Unit yang disebut').locator('h2 + ul');
}

/** The entry of an agency under "Instansi dalam berita". */
function agencyItem(p, name) {
  return section(p, 'Unit yang disebut').locator('h3 + ul > li').filter({ hasText: name });
}

test('the inspector pastes an article and reads it cleaned with its facts highlighted', async () => {
  const p = await page(browser, desktop);
  await login(p, 'inspektur');
  await p.goto(`${base}/berita`);
  assert.equal(await p.locator('h1').innerText(), 'Pemantauan Berita');
  await p.getByRole('link', { name: 'Tambah berita' }).click();
  await p.waitForURL(`${base}/berita/tambah`);

  firstUrl = await paste(p, first);
  assert.equal(await p.locator('h1').innerText(), first.title);
  const paragraphs = textOf(p);
  const text = (await paragraphs.allInnerTexts()).join('\n');
  assert.doesNotMatch(text, /TINGGALKAN KOMENTAR/i);
  assert.equal(await paragraphs.filter({ hasText: repeated }).count(), 1, text);
  assert.match(await p.locator('article.news-text > p.hint').innerText(), /1 baris elemen halaman dan 1 paragraf berulang/);

  assert.deepEqual(await paragraphs.locator('mark.f-date').allInnerTexts(), ['Kamis, 12 September 2024']);
  assert.ok((await paragraphs.locator('mark.f-unit').allInnerTexts())
    .includes('Dinas Koperasi dan UKM Kota Tangerang Selatan'));
  assert.deepEqual(await paragraphs.locator('mark.f-person').allInnerTexts(), ['Rahmat Santoso']);
  assert.ok((await paragraphs.locator('mark.f-role').allInnerTexts()).includes('Kepala'));
  const cues = (await paragraphs.locator('mark.f-cue').allInnerTexts()).map((it) => it.toLowerCase());
  for (const cue of ['pengaduan', 'pelayanan', 'lambat', 'antrean']) assert.ok(cues.includes(cue), cues.join(', '));
  assert.match(await p.locator('main').innerText(), /Tanggal: 2024-09-12/);
  const tags = await p.locator('main > p > span.tag').allInnerTexts();
  assert.ok(tags.includes('Pengaduan masyarakat') && tags.includes('Kualitas pelayanan'), tags.join(', '));

  assert.deepEqual(await linkedUnits(p).locator('a').allInnerTexts(), ['Dinas Sosial', dinkop]);
  assert.match(await agencyItem(p, 'Dinas Koperasi dan UKM Kota Tangerang Selatan').innerText(), new RegExp(dinkop));
  assert.match(await section(p, 'Orang dan jabatan').innerText(), /Rahmat Santoso — Kepala/);
  await shot(p, 'news-article');
  await p.context().close();
});

test('pasting the same text again opens the same article, and an empty text is refused', async () => {
  const p = await page(browser);
  await login(p, 'inspektur');
  assert.equal(await paste(p, first), firstUrl);
  assert.match(p.url(), /sudah=1/);

  await p.goto(`${base}/berita/tambah`);
  await p.getByLabel('Judul').fill(`Tanpa isi (${stamp})`);
  const [refused] = await Promise.all([
    p.waitForResponse((it) => it.request().method() === 'POST' && it.url() === `${base}/berita/tambah`),
    p.getByRole('button', { name: 'Simpan dan baca' }).click(),
  ]);
  assert.equal(refused.status(), 422);
  assert.equal(await p.locator('.field.invalid .error').innerText(), 'Tempelkan teks berita.');
  assert.equal(await p.getByLabel('Judul').inputValue(), `Tanpa isi (${stamp})`);
  await p.context().close();
});

test('an agency name missing from the register is mapped to a unit once and links from then on', async () => {
  const p = await page(browser, desktop);
  await login(p, 'inspektur');
  // run.sh gives every run a fresh database; on a database an earlier run used, the alias is already there.
  const secondUrl = await paste(p, second);
  const fresh = /belum tertaut/.test(await agencyItem(p, damkarName).innerText());
  if (fresh) {
    const agency = agencyItem(p, damkarName);
    assert.equal(await linkedUnits(p).locator('a').count(), 0);
    assert.match(await section(p, 'Unit yang disebut').locator('h2 + p.hint').innerText(), /Tidak ada unit/);
    assert.ok((await textOf(p).locator('mark.f-agency').allInnerTexts()).includes(damkarName));
    await agency.getByLabel('Petakan ke').selectOption({ label: satpol });
    await agency.getByRole('button', { name: 'Petakan' }).click();
    await p.waitForURL(`${secondUrl}?notice=saved`);
  }

  const mapped = agencyItem(p, damkarName);
  assert.equal(await mapped.innerText(), `${damkarName} — ${satpol}`);
  assert.equal(await mapped.getByRole('button', { name: 'Petakan' }).count(), 0);
  assert.deepEqual(await linkedUnits(p).locator('a').allInnerTexts(), [satpol]);
  assert.ok((await textOf(p).locator('mark.f-unit').allInnerTexts()).includes(damkarName));
  await shot(p, 'news-alias-mapped');

  // The register now knows the name (without the region) as an alias of the unit.
  thirdUrl = await paste(p, third);
  // Both spellings are one agency (listed once, under either name), linked through the alias.
  const linked = section(p, 'Unit yang disebut').locator('h3 + ul > li')
    .filter({ hasText: 'Dinas Pemadam Kebakaran dan Penyelamatan' });
  assert.equal(await linked.count(), 1);
  assert.match(await linked.innerText(), new RegExp(`^(${damkarName}|${damkarLong}) — ${satpol}$`));
  const marks = await textOf(p).locator('mark.f-unit').allInnerTexts();
  assert.ok(marks.includes(damkarName) && marks.includes(damkarLong), marks.join(', '));
  assert.equal(await section(p, 'Unit yang disebut').getByText('belum tertaut').count(), 0);
  const listed = await linkedUnits(p).locator('a').allInnerTexts();
  assert.ok(listed.includes(satpol), listed.join(', '));
  assert.ok(listed.includes('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'), listed.join(', '));
  await p.context().close();
});

test('the inbox lists the articles and filters them by category and unit', async () => {
  const p = await page(browser, desktop);
  await login(p, 'sekda');
  await p.getByRole('link', { name: 'Berita', exact: true }).click();
  await p.waitForURL(`${base}/berita`);
  const rows = p.locator('table tbody tr');
  const row = (article) => rows.filter({ has: p.getByRole('link', { name: article.title, exact: true }) });
  for (const article of [first, second, third]) assert.equal(await row(article).count(), 1, article.title);
  assert.equal(await row(first).getByRole('link').getAttribute('href'), new URL(firstUrl).pathname);
  assert.match(await row(first).innerText(), /2024-09-12/);

  await p.getByLabel('Kategori').selectOption({ label: 'Pengaduan masyarakat' });
  await p.getByRole('button', { name: 'Saring' }).click();
  await p.waitForURL(/\/berita\?.*kategori=pengaduan_masyarakat/);
  assert.equal(await row(first).count(), 1);
  assert.equal(await row(second).count(), 0);
  for (const tags of await rows.locator('td:nth-child(4)').allInnerTexts()) assert.match(tags, /Pengaduan masyarakat/);

  await p.getByLabel('Kategori').selectOption({ label: 'Semua' });
  await p.getByLabel('Unit kerja').selectOption({ label: satpol });
  await p.getByRole('button', { name: 'Saring' }).click();
  await p.waitForURL(/\/berita\?unit=[^&]+&kategori=&/);
  assert.equal(await row(first).count(), 0);
  assert.equal(await row(second).count(), 1);
  assert.equal(await row(third).count(), 1);

  await p.getByLabel('Unit kerja').selectOption({ label: dinkop });
  await p.getByLabel('Kategori').selectOption({ label: 'Pengaduan masyarakat' });
  await p.getByRole('button', { name: 'Saring' }).click();
  await p.waitForURL(/kategori=pengaduan_masyarakat/);
  assert.equal(await row(first).count(), 1);
  assert.equal(await row(third).count(), 0);
  await shot(p, 'news-inbox');
  await p.context().close();
});

test('the search matches stemmed words and phrases and says when nothing matches', async () => {
  const p = await page(browser, desktop);
  await login(p, 'inspektur');
  const firstPath = new URL(firstUrl).pathname;
  const search = async (query) => {
    await p.goto(`${base}/berita/cari`);
    await p.getByLabel('Kata kunci').fill(query);
    await p.getByRole('button', { name: 'Cari' }).click();
    await p.waitForURL(/\/berita\/cari\?q=/);
    return p.locator('ol.hits li').filter({ has: p.locator(`a[href="${firstPath}"]`) });
  };

  // "dilayani" is not in the text; "pelayanan" has the same stem.
  const stemmed = await search('dilayani');
  assert.equal(await stemmed.count(), 1, await p.locator('main').innerText());
  const bold = (await stemmed.locator('.snippet b').allInnerTexts()).map((it) => it.toLowerCase());
  assert.ok(bold.includes('pelayanan'), bold.join(', '));
  await shot(p, 'news-search');

  const phrase = await search('"antrean panjang"');
  assert.equal(await phrase.count(), 1);
  assert.ok((await phrase.locator('.snippet b').count()) >= 1);
  assert.equal(await (await search('"panjang antrean"')).count(), 0);

  // A category filter in the query: the first article is about service quality, not corruption.
  assert.equal(await (await search('pelayanan kategori:kualitas_pelayanan')).count(), 1);
  assert.equal(await (await search('pelayanan kategori:korupsi')).count(), 0);

  await search(`kwitansifiktif${Date.now()}`);
  assert.match(await p.locator('main').innerText(), /\b0 hasil\b/);
  assert.equal(await p.locator('ol.hits li').count(), 0);
  await p.context().close();
});

test('a preliminary review is opened from the article and listed', async () => {
  const p = await page(browser, desktop);
  await login(p, 'inspektur');
  await p.goto(firstUrl);
  const summary = `Klarifikasi lamanya antrean surat keterangan usaha (${stamp})`;
  await p.getByLabel('Unit kerja').selectOption({ label: dinkop });
  await p.getByLabel('Hal yang ditelaah').fill(summary);
  await p.getByRole('button', { name: 'Buka telaah awal' }).click();
  await p.waitForURL(`${firstUrl}?notice=created`);
  const review = section(p, 'Telaah awal').locator('li').filter({ hasText: summary });
  assert.equal(await review.count(), 1);
  const number = await review.locator('strong').innerText();
  const years = [new Date().getUTCFullYear(),
    Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()))];
  const match = number.match(/^TA-(\d{4})-(\d{4})$/);
  assert.ok(match && years.includes(Number(match[1])), number);
  assert.equal(await review.locator('.tag').innerText(), 'Dibuka');
  assert.match(await review.innerText(), new RegExp(dinkop));
  await shot(p, 'news-review');

  await p.goto(`${base}/berita`);
  await p.getByRole('link', { name: 'Telaah awal' }).click();
  await p.waitForURL(`${base}/berita/telaah`);
  const listed = p.locator('table tbody tr').filter({ hasText: number });
  assert.equal(await listed.count(), 1);
  assert.match(await listed.innerText(), new RegExp(summary.replace(/[()]/g, '\\$&')));
  assert.match(await listed.innerText(), /Dibuka/);
  assert.equal(await listed.getByRole('link', { name: 'Berita' }).getAttribute('href'), new URL(firstUrl).pathname);

  // The complaint named units, so every inspector was notified of it.
  await p.goto(`${base}/notifikasi`);
  assert.ok(await p.locator(`ul.notices a[href="${new URL(firstUrl).pathname}"]`).count() >= 1,
    await p.locator('main').innerText());
  await p.context().close();
});

test('the head of DPMPTSP sees only the news naming DPMPTSP', async () => {
  const p = await page(browser, desktop);
  await login(p, 'kadis.dpmptsp');
  await p.goto(`${base}/berita`);
  const links = p.locator('table tbody tr a');
  assert.equal(await links.filter({ hasText: first.title }).count(), 0);
  assert.equal(await links.filter({ hasText: second.title }).count(), 0);
  assert.equal(await links.filter({ hasText: third.title }).count(), 1);
  assert.equal(await p.getByRole('link', { name: 'Tambah berita' }).count(), 0);
  assert.equal(await p.getByRole('link', { name: 'Telaah awal' }).count(), 0);
  const units = await p.getByLabel('Unit kerja').locator('option').allInnerTexts();
  assert.deepEqual(units, ['Semua', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu']);
  await shot(p, 'news-unit-head');

  const hidden = await p.goto(firstUrl);
  assert.equal(hidden.status(), 404);
  const shown = await p.goto(thirdUrl);
  assert.equal(shown.status(), 200);
  const search = await p.goto(`${base}/berita/cari?q=pelayanan`);
  assert.equal(search.status(), 200);
  assert.equal(await p.locator(`ol.hits a[href="${new URL(firstUrl).pathname}"]`).count(), 0);
  await p.context().close();

  // The operator has no news pages at all.
  const operator = await page(browser);
  await login(operator, 'operator.dpmptsp');
  assert.equal((await operator.goto(`${base}/berita`)).status(), 403);
  await operator.context().close();
});
