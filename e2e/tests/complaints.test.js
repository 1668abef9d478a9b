// A citizen files a confidential complaint without an account and keeps the receipt; the administrator verifies it
// and gives it to DPMPTSP; the unit's operator answers without seeing who filed it; the citizen reads the answer
// with the number and secret and rates it. At the front desk an incoming letter with its PDF scan is registered and
// lands in the queue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, engine, launch, login, page, shot } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const desktop = { viewport: { width: 1280, height: 900 } };

// The reporter's identity, which the handling unit must never see on a confidential complaint.
const reporterName = `Agus Setiawan (${engine})`;
const reporterContact = `agus.setiawan.${engine}@contoh.invalid`;

const complaint = {
  title: `Loket perizinan DPMPTSP kosong pada jam layanan (${engine})`,
  body: 'Pada hari Selasa sekitar pukul 10.30 saya datang ke Loket Perizinan dan Nonperizinan di Gedung Pelayanan '
    + 'Terpadu untuk mengurus PBG rumah tinggal. Ketiga loket kosong tanpa petugas selama hampir satu jam, padahal '
    + 'papan di depan menyebut layanan buka pukul 08.00 sampai 15.00. Nomor antrean terus berjalan tetapi tidak ada '
    + 'yang memanggil, dan satpam hanya menyarankan kembali besok. Mohon jadwal petugas loket diperbaiki.',
};

const firstAnswer = 'Terima kasih atas laporannya. Kami sedang memeriksa jadwal piket petugas loket perizinan pada '
  + 'hari dan jam yang Bapak sebutkan, dan akan menyampaikan hasilnya paling lambat lima hari kerja.';
const followUp = 'Hasil pemeriksaan: dua petugas loket sedang mengikuti rapat koordinasi tanpa pengganti. Mulai pekan '
  + 'ini setiap loket wajib memiliki petugas cadangan dan jadwal piket ditempel di ruang tunggu.';

/** A tiny but well-formed PDF, standing in for the scan of a letter. */
function minimalPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((it) => `${String(it).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/** The date `days` before today as yyyy-mm-dd (a letter may not be dated in the future). */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Opens an item from the staff queue by its tracking number. */
async function openFromQueue(p, number) {
  await p.goto(`${base}/pengaduan`);
  await p.locator('#queue').getByRole('link', { name: number, exact: true }).click();
  await p.waitForURL(/\/pengaduan\/[^/?]+$/);
}

/** Takes a step on the item page and waits for the saved page. */
async function takeStep(p, fill) {
  await fill();
  await p.getByRole('button', { name: 'Simpan langkah' }).click();
  await p.waitForURL(/\/pengaduan\/[^/?]+\?notice=saved$/);
  assert.equal(await p.locator('[role=alert]').count(), 0, await p.locator('main').innerText());
}

test('a confidential complaint goes from the citizen to the unit and back to a rating', async () => {
  // The citizen files it, without an account.
  const citizen = await page(browser);
  await citizen.goto(`${base}/lapor`);
  await citizen.getByLabel('Jenis').selectOption('pengaduan');
  await citizen.getByLabel('Kategori').selectOption('perizinan');
  await citizen.getByLabel('Unit yang dituju').selectOption('DPMPTSP');
  await citizen.getByLabel('Judul').fill(complaint.title);
  await citizen.getByLabel('Isi', { exact: true }).fill(complaint.body);
  await citizen.getByRole('radio', { name: /^Rahasia/ }).check();
  await citizen.getByLabel('Nama', { exact: true }).fill(reporterName);
  await citizen.getByLabel('Kontak', { exact: true }).fill(reporterContact);
  await shot(citizen, 'complaint-form');
  await citizen.getByRole('button', { name: 'Kirim dan terima tanda terima' }).click();
  await citizen.locator('#receipt-number').waitFor();
  const number = (await citizen.locator('#receipt-number').innerText()).trim();
  const secret = (await citizen.locator('#receipt-secret').innerText()).trim();
  assert.match(number, /^ADU-\d{4}-\d{6}$/);
  assert.match(secret, /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  await shot(citizen, 'complaint-receipt');
  await citizen.context().close();

  // The administrator sees who filed it, verifies it and gives it to DPMPTSP.
  const admin = await page(browser, desktop);
  await login(admin, 'admin');
  await openFromQueue(admin, number);
  assert.match(await admin.locator('#item-summary').innerText(), new RegExp(number));
  const identity = await admin.locator('#identity').innerText();
  assert.match(identity, new RegExp(reporterName.replace(/[()]/g, '\\$&')));
  assert.ok(identity.includes(reporterContact), identity);
  await takeStep(admin, async () => {
    await admin.getByLabel('Langkah', { exact: true }).selectOption('verifikasi');
    await admin.locator('#f-unit').selectOption('DPMPTSP');
  });
  const verified = await admin.locator('#item-summary').innerText();
  assert.match(verified, /Diteruskan ke unit/);
  assert.match(verified, /Penanaman Modal dan Pelayanan Terpadu Satu Pintu/);
  await shot(admin, 'complaint-verified');
  await admin.context().close();

  // The unit's operator answers, without ever seeing the reporter's name or contact.
  const operator = await page(browser, desktop);
  await login(operator, 'operator.dpmptsp');
  await openFromQueue(operator, number);
  assert.equal(await operator.locator('#identity').count(), 0);
  await operator.locator('#identity-hidden').waitFor();
  const html = await operator.content();
  assert.ok(!html.includes('Agus Setiawan'), 'the unit sees the confidential reporter\'s name');
  assert.ok(!html.includes(reporterContact), 'the unit sees the confidential reporter\'s contact');
  await takeStep(operator, async () => {
    await operator.getByLabel('Langkah', { exact: true }).selectOption('tanggapan_awal');
    await operator.getByLabel('Tingkat penyelesaian').selectOption('tanpa_cek_lapangan');
    await operator.getByLabel('Pesan / jawaban').fill(firstAnswer);
  });
  assert.match(await operator.locator('#item-summary').innerText(), /Sedang ditindaklanjuti/);
  await takeStep(operator, async () => {
    await operator.getByLabel('Langkah', { exact: true }).selectOption('tindak_lanjut');
    await operator.getByLabel('Pesan / jawaban').fill(followUp);
  });
  const answered = await operator.locator('#item-summary').innerText();
  assert.match(answered, /Sudah ditanggapi/);
  assert.match(answered, /Tanpa cek lapangan/);
  assert.ok(!(await operator.content()).includes('Agus Setiawan'));
  await shot(operator, 'complaint-answered');
  await operator.context().close();

  // The citizen follows it with the number and secret, reads the answer and rates it.
  const back = await page(browser);
  await back.goto(`${base}/lacak`);
  await back.getByLabel('Nomor lacak').fill(number);
  await back.getByLabel('Kode rahasia').fill(secret);
  await back.getByRole('button', { name: 'Lihat', exact: true }).click();
  const summary = back.locator('#item-summary');
  await summary.waitFor();
  const tracked = await summary.innerText();
  assert.match(tracked, /Sudah ditanggapi/);
  assert.ok(tracked.includes(firstAnswer), tracked);
  assert.ok(tracked.includes(followUp), tracked);
  await back.getByLabel('Nilai jawaban').selectOption('4');
  await back.getByRole('button', { name: 'Kirim nilai' }).click();
  await back.getByRole('status').filter({ hasText: 'Terima kasih atas penilaian Anda.' }).waitFor();
  const rated = await back.locator('#item-summary').innerText();
  assert.match(rated, /Penilaian\s*4\/5/);
  assert.match(rated, /Penilaian pelapor/);
  await shot(back, 'complaint-rated');
  await back.context().close();
});

test('an incoming letter with its scan is registered at the front desk and lands in the queue', async () => {
  const p = await page(browser, desktop);
  await login(p, 'admin');
  await p.goto(`${base}/pengaduan`);
  await p.getByRole('link', { name: 'Registrasi di loket' }).click();
  await p.waitForURL(`${base}/pengaduan/baru`);
  const subject = `Permohonan audiensi soal izin usaha mikro di Pondok Aren (${engine})`;
  await p.getByLabel('Jenis').selectOption('surat_masuk');
  await p.getByLabel('Unit yang dituju').selectOption('DPMPTSP');
  await p.getByLabel('Judul').fill(subject);
  await p.getByLabel('Isi', { exact: true }).fill('Ketua RW 05 Pondok Aren memohon waktu audiensi untuk membahas '
    + 'lambatnya penerbitan NIB bagi dua puluh pelaku usaha mikro di lingkungannya.');
  await p.getByLabel('Pengirim surat').fill('Ketua RW 05 Kelurahan Pondok Aren');
  await p.getByLabel('Nomor surat').fill(`012/RW05/XI/2026-${engine}`);
  await p.getByLabel('Tanggal surat').fill(daysAgo(3));
  await p.getByLabel('Lampiran').setInputFiles({ name: 'surat-rw05.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
  await shot(p, 'letter-form');
  await p.getByRole('button', { name: 'Kirim dan terima tanda terima' }).click();
  await p.locator('#receipt-number').waitFor();
  const number = (await p.locator('#receipt-number').innerText()).trim();
  assert.match(number, /^SRT-\d{4}-\d{6}$/);
  assert.match((await p.locator('#receipt-secret').innerText()).trim(), /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  assert.equal(await p.getByRole('link', { name: 'Registrasi berikutnya' }).count(), 1);
  await shot(p, 'letter-receipt');

  await p.goto(`${base}/pengaduan`);
  const row = p.locator('#queue tbody tr').filter({ hasText: number });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /Permohonan audiensi/);
  await shot(p, 'letter-queue');
  await openFromQueue(p, number);
  const reporter = await p.locator('main').innerText();
  assert.match(reporter, /Ketua RW 05 Kelurahan Pondok Aren/);
  assert.match(reporter, /surat-rw05\.pdf/);
  await p.context().close();
});
