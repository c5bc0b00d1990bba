import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { CompanyCertification, FileRef } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { multipart } from '../../../test/multipart';

/** A photo as a phone takes it: EXIF with the camera, a GPS position and a sideways orientation. */
async function phonePhoto(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#9B2226' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'CraftPhone', Model: 'X1', Copyright: 'Bat Trang secret workshop' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '21/1 0/1 3600/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 55/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#8FBCA8' } })
    .png()
    .toBuffer();
}

describe('files: uploads checked by their bytes, images cleaned, served with caching', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const uploadLogo = (user: TestUser, body: ReturnType<typeof multipart>) =>
    t.inject({
      method: 'POST',
      url: `/api/exhibitors/${user.companyId}/logo`,
      headers: { ...user.auth, ...body.headers },
      payload: body.payload,
    });

  it('refuses a text file named photo.jpg and declared image/jpeg: the bytes decide', async () => {
    const owner = await f.member('exhibitor');
    const res = await uploadLogo(
      owner,
      multipart({
        content: Buffer.from('not an image at all, just text'),
        filename: 'photo.jpg',
        contentType: 'image/jpeg',
      }),
    );
    expect(res.statusCode).toBe(415);
    expect(json(res).code).toBe('UNSUPPORTED_FILE_TYPE');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM files`);
    expect(count).toBe(0);
  });

  it('refuses a PDF or a GIF as a logo, and an image whose signature lies', async () => {
    const owner = await f.member('exhibitor');
    const pdf = await uploadLogo(
      owner,
      multipart({ content: Buffer.from('%PDF-1.7\n%…'), filename: 'logo.png' }),
    );
    expect(pdf.statusCode).toBe(415);
    const gif = await uploadLogo(
      owner,
      multipart({ content: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') }),
    );
    expect(gif.statusCode).toBe(415);
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const truncated = await uploadLogo(owner, multipart({ content: broken, filename: 'x.jpg' }));
    expect(truncated.statusCode).toBe(415);
    expect(json(truncated).code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('asks for a file when the form has none, and refuses a non-multipart body', async () => {
    const owner = await f.member('exhibitor');
    const empty = await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${owner.companyId}/logo`,
      headers: { ...owner.auth, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz--\r\n',
    });
    expect(empty.statusCode).toBe(400);
    expect(json(empty).code).toBe('FILE_REQUIRED');
    const jsonBody = await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${owner.companyId}/logo`,
      headers: owner.auth,
      payload: { file: 'x' },
    });
    expect(jsonBody.statusCode).toBe(415);
  });

  it('strips EXIF and GPS, turns the photo upright, and makes a 400 px WebP thumbnail', async () => {
    const owner = await f.member('exhibitor');
    const original = await phonePhoto(640, 480);
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(original.includes(Buffer.from('Bat Trang secret workshop'))).toBe(true);

    const res = await uploadLogo(
      owner,
      multipart({ content: original, filename: 'IMG_0001.JPG', contentType: 'image/jpeg' }),
    );
    expect(res.statusCode).toBe(201);
    const ref = json<FileRef>(res);
    expect(ref).toMatchObject({ purpose: 'logo', mime: 'image/jpeg', width: 480, height: 640 });
    expect(ref.url).toBe(`/api/files/${ref.id}`);

    const served = await t.inject({ method: 'GET', url: ref.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const stored = served.rawPayload;
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.orientation ?? 1).toBe(1);
    expect([after.width, after.height]).toEqual([480, 640]);
    expect(stored.includes(Buffer.from('Exif'))).toBe(false);
    expect(stored.includes(Buffer.from('Bat Trang secret workshop'))).toBe(false);
    expect(stored.includes(Buffer.from('CraftPhone'))).toBe(false);
    const [row] = await t.dataSource.query(`SELECT data, thumb, storage_path FROM files WHERE id = $1`, [
      ref.id,
    ]);
    expect(Buffer.compare(row.data, stored)).toBe(0);
    expect(row.storage_path).toBeNull();

    const thumb = await t.inject({ method: 'GET', url: `/api/files/${ref.id}/thumb` });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const thumbMeta = await sharp(thumb.rawPayload).metadata();
    expect(thumbMeta.format).toBe('webp');
    expect(Math.max(thumbMeta.width ?? 0, thumbMeta.height ?? 0)).toBe(400);
    expect(thumbMeta.exif).toBeUndefined();
  });

  it('fits large images into 2000 px', async () => {
    const owner = await f.member('exhibitor');
    const res = await uploadLogo(owner, multipart({ content: await png(3000, 1000), filename: 'wide.png' }));
    expect(res.statusCode).toBe(201);
    expect(json<FileRef>(res)).toMatchObject({ mime: 'image/png', width: 2000, height: 667 });
  });

  it('serves files publicly with an ETag and a long Cache-Control, and answers 304 to a revalidation', async () => {
    const owner = await f.member('exhibitor');
    const ref = json<FileRef>(
      await uploadLogo(owner, multipart({ content: await png(50, 50), filename: 'l.png' })),
    );
    const first = await t.inject({ method: 'GET', url: ref.url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await t.inject({ method: 'GET', url: ref.url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const thumb = await t.inject({ method: 'GET', url: `${ref.url}/thumb` });
    expect(thumb.headers.etag).not.toBe(etag);
    const missing = await t.inject({ method: 'GET', url: '/api/files/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    const malformed = await t.inject({ method: 'GET', url: '/api/files/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
  });

  it('replaces a logo: the old file is deleted', async () => {
    const owner = await f.member('exhibitor');
    const first = json<FileRef>(await uploadLogo(owner, multipart({ content: await png(60, 60) })));
    const second = json<FileRef>(await uploadLogo(owner, multipart({ content: await png(70, 70) })));
    expect(second.id).not.toBe(first.id);
    expect((await t.inject({ method: 'GET', url: first.url })).statusCode).toBe(404);
    const removed = await t.inject({
      method: 'DELETE',
      url: `/api/exhibitors/${owner.companyId}/logo`,
      headers: owner.auth,
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url: second.url })).statusCode).toBe(404);
  });

  it('keeps certification documents private: members and organizers only', async () => {
    const owner = await f.member('exhibitor');
    const other = await f.member('exhibitor');
    const organizer = await f.organizer();
    const cert = json<CompanyCertification>(
      await t.inject({
        method: 'POST',
        url: `/api/exhibitors/${owner.companyId}/certifications`,
        headers: owner.auth,
        payload: { type: 'FSC_COC', number: 'FSC-C123456', expiresOn: '2027-12-31' },
      }),
    );
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const body = multipart({ content: pdf, filename: 'fsc.pdf', contentType: 'application/pdf' });
    const uploaded = await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${owner.companyId}/certifications/${cert.id}/document`,
      headers: { ...owner.auth, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const document = json<CompanyCertification>(uploaded).document as FileRef;
    expect(document).toMatchObject({ purpose: 'document', mime: 'application/pdf', thumbUrl: null });

    const anonymous = await t.inject({ method: 'GET', url: document.url });
    expect(anonymous.statusCode).toBe(401);
    const outsider = await t.inject({ method: 'GET', url: document.url, headers: other.auth });
    expect(outsider.statusCode).toBe(403);
    const member = await t.inject({ method: 'GET', url: document.url, headers: owner.auth });
    expect(member.statusCode).toBe(200);
    expect(member.headers['content-type']).toBe('application/pdf');
    expect(member.headers['cache-control']).toBe('private, max-age=3600');
    expect(Buffer.compare(member.rawPayload, pdf)).toBe(0);
    const byOrganizer = await t.inject({ method: 'GET', url: document.url, headers: organizer.auth });
    expect(byOrganizer.statusCode).toBe(200);
  });
});

describe('files: size limit', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp({ env: { FILE_MAX_BYTES: '4096' } });
    f = new Factory(t);
  });
  afterAll(() => t.close());

  it('refuses a file over FILE_MAX_BYTES with 413 FILE_TOO_LARGE, and stores nothing', async () => {
    const owner = await f.member('exhibitor');
    const big = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#C9A227' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(4096);
    const body = multipart({ content: big, filename: 'big.png', contentType: 'image/png' });
    const res = await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${owner.companyId}/logo`,
      headers: { ...owner.auth, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(413);
    expect(json(res).code).toBe('FILE_TOO_LARGE');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM files`);
    expect(count).toBe(0);

    const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#C9A227' } })
      .png()
      .toBuffer();
    const ok = multipart({ content: small, filename: 'small.png' });
    const accepted = await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${owner.companyId}/logo`,
      headers: { ...owner.auth, ...ok.headers },
      payload: ok.payload,
    });
    expect(accepted.statusCode).toBe(201);
  });
});

describe('files: FILES_DIR storage', () => {
  let t: TestApp;
  let f: Factory;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'craftmatch-files-'));
    t = await createTestApp({ env: { FILES_DIR: dir } });
    f = new Factory(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the bytes in the shared folder, not in PostgreSQL, and serves them from there', async () => {
    const owner = await f.member('exhibitor');
    const body = multipart({ content: await phonePhoto(200, 100), filename: 'p.jpg' });
    const res = await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${owner.companyId}/logo`,
      headers: { ...owner.auth, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    const ref = json<FileRef>(res);
    const [row] = await t.dataSource.query(`SELECT data, thumb, storage_path FROM files WHERE id = $1`, [
      ref.id,
    ]);
    expect(row.data).toBeNull();
    expect(row.thumb).toBeNull();
    expect(row.storage_path).toBe(`${ref.id.slice(0, 2)}/${ref.id}.jpg`);
    const onDisk = readFileSync(join(dir, row.storage_path));
    expect(onDisk.includes(Buffer.from('Exif'))).toBe(false);

    const served = await t.inject({ method: 'GET', url: ref.url });
    expect(served.statusCode).toBe(200);
    expect(Buffer.compare(served.rawPayload, onDisk)).toBe(0);
    const thumb = await t.inject({ method: 'GET', url: `${ref.url}/thumb` });
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).format).toBe('webp');

    // replacing the logo removes the old bytes from the folder
    const next = multipart({ content: await png(30, 30), filename: 'n.png' });
    await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${owner.companyId}/logo`,
      headers: { ...owner.auth, ...next.headers },
      payload: next.payload,
    });
    const left = readdirSync(join(dir, ref.id.slice(0, 2)));
    expect(left.some((name) => name.startsWith(ref.id))).toBe(false);
  });
});
