import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/cli/demo-directory.ts';
import { type ExportFormat, EXPORT_FORMATS, exportDirectory } from '../../src/server/directory/export/export.ts';
import { loadDirectory } from '../../src/server/directory/export/load.ts';
import { inputOfBundle } from '../../src/server/directory/import/normalise.ts';
import { type TestApp, createTestApp } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { seedDemoDirectory } from './fixture.ts';
import { directoryState, runImport, seedOrganisations, writeCounts } from './import-support.ts';

const FILE: Record<ExportFormat, string> = { 'hsds-json': 'annuaire.json', 'hsds-csv': 'annuaire.zip', xlsx: 'annuaire.xlsx' };

/** What the Excel template carries of a service: the rest stays as it is on import. */
async function templateView(t: TestApp) {
  const { bundles } = await loadDirectory(t.database.db);
  return bundles.map((b) => {
    const i = inputOfBundle(b);
    return {
      ...{ serviceId: i.serviceId, organisationId: i.organisationId, name: i.name, description: i.description, eligibilityDescription: i.eligibilityDescription, minimumAge: i.minimumAge, maximumAge: i.maximumAge },
      ...{ email: i.email, url: i.url, status: i.status, visibility: i.visibility, languages: i.languages, coverage: i.coverage },
      serviceTypes: [...i.serviceTypes].sort(),
      targetGroups: [...i.targetGroups].sort(),
      costs: i.costs,
      phones: i.phones.map((p) => p.number),
      schedules: i.schedules.map((s) => ({ days: s.days, opensAt: s.opensAt, closesAt: s.closesAt })),
      capacity: i.capacity && { unit: i.capacity.unit, available: i.capacity.available, maximum: i.capacity.maximum },
      locations: i.locations.map((l) => ({ id: l.id, name: l.name, admin1Pcode: l.admin1Pcode, confidential: l.confidential, latitude: l.latitude, address: l.address })),
    };
  });
}

describe(`directory export → import round trip on ${BACKEND}`, () => {
  let source: TestApp;
  const files = {} as Record<ExportFormat, Uint8Array>;

  beforeAll(async () => {
    source = await createTestApp();
    await seedDemoDirectory(source);
    for (const f of EXPORT_FORMATS) files[f] = await exportDirectory(source.database.db, f);
  }, 120_000);
  afterAll(async () => {
    await source.close();
  });

  it('takes the public HSDS API’s NDJSON of another installation: its public services, nothing confidential', async () => {
    const ndjson = (await source.app.inject({ method: 'GET', url: '/hsds/services?format=ndjson' })).rawPayload;
    const target = await createTestApp();
    try {
      await seedOrganisations(target);
      const report = await runImport(target, new Uint8Array(ndjson), 'services.ndjson');
      const published = DEMO_SERVICES.filter((s) => !s.membersOnly);
      expect(report).toMatchObject({ format: 'hsds-json', problems: [], counts: { created: published.length } });
      const { bundles } = await loadDirectory(target.database.db);
      expect(bundles.every((b) => b.service.visibility === 'public' && b.places.every((p) => !p.location.confidential))).toBe(true);
    } finally {
      await target.close();
    }
  }, 120_000);

  for (const format of EXPORT_FORMATS) {
    it(`${format}: an empty database gets the same directory, and importing again changes nothing`, async () => {
      const target = await createTestApp();
      try {
        await seedOrganisations(target);
        const report = await runImport(target, files[format], FILE[format]);
        expect(report.problems).toEqual([]);
        expect(report).toMatchObject({ format, stored: true, counts: { created: DEMO_SERVICES.length, updated: 0, unchanged: 0, skipped: 0 } });
        if (format === 'xlsx') {
          expect(await templateView(target)).toEqual(await templateView(source));
        } else {
          // Everything, to the day each entry was verified, confidential places and members-only services included.
          expect(await directoryState(target)).toEqual(await directoryState(source));
        }
        const before = await writeCounts(target);
        const again = await runImport(target, files[format], FILE[format]);
        expect(again).toMatchObject({ problems: [], stored: false, counts: { created: 0, updated: 0, unchanged: DEMO_SERVICES.length, verified: 0 } });
        expect(await writeCounts(target)).toEqual(before);
        // The Excel template re-exported from the target reads back unchanged in the source too.
        const back = await runImport(source, await exportDirectory(target.database.db, format), FILE[format]);
        expect(back.counts).toMatchObject({ created: 0, updated: 0, unchanged: DEMO_SERVICES.length });
      } finally {
        await target.close();
      }
    }, 120_000);
  }
});
