/** `/media/:id` through the real front door: only images shown on public directory profiles are served. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, createTestApp, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { organisation } from '#app/shared/db/schema.ts';
import { LocalDiskStorage, setFileStorage, storeFile } from '#app/shared/files/index.ts';
import { insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { uploadOrganisationImages } from './organisation-admin.service.server.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe('GET /media/:id', () => {
  const database = useTestDatabase();
  let app: TestApp;
  let root: string;

  beforeAll(() => {
    app = createTestApp();
    root = mkdtempSync(path.join(tmpdir(), 'mosaic-media-'));
    setFileStorage(new LocalDiskStorage(root));
  });

  afterAll(() => {
    setFileStorage(undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the logo and photos of a published organisation with their type and a long cache', async () => {
    const row = await insertOrganisation(database().db);
    const profile = await uploadOrganisationImages(system, row.slug, {
      logo: { name: 'logo.png', bytes: PNG },
      photos: [{ name: 'p.png', bytes: PNG }],
    });
    for (const url of [profile.logoUrl, profile.photoUrls[0]]) {
      const response = await apiRequest(app, url!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toContain('max-age=31536000');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    }

    // Once the organisation is no longer published, its images are not served.
    await database().db.update(organisation).set({ status: 'archived' }).where(eq(organisation.id, row.id));
    expect((await apiRequest(app, profile.logoUrl!)).status).toBe(404);
  });

  it('serves a cluster’s logo', async () => {
    const file = await storeFile(database().db, system, { name: 'c.png', contentType: 'image/png', bytes: PNG });
    await insertCluster(database().db, { logoFileId: file.id });
    expect((await apiRequest(app, `/media/${file.id}`)).status).toBe(200);
  });

  it('answers 404 for stored files that no public profile shows, and for ids that are not ids', async () => {
    const file = await storeFile(database().db, system, { name: 'private.pdf', contentType: 'application/pdf', bytes: PNG });
    expect((await apiRequest(app, `/media/${file.id}`)).status).toBe(404);
    expect((await apiRequest(app, '/media/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });
});
