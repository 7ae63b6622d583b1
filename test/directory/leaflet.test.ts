import { extractText, extractTextItems, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../src/cli/demo-data.ts';
import { DEMO_SERVICES, demoServiceInput } from '../../src/cli/demo-directory.ts';
import { stableId } from '../../src/cli/ids.ts';
import type { Locale } from '../../src/domain/i18n/locales.ts';
import { LeafletCache } from '../../src/server/directory/leaflet/cache.ts';
import { type LeafletFormat, renderLeaflet } from '../../src/server/directory/leaflet/leaflet.ts';
import { findPublicServices, loadNeeds } from '../../src/server/directory/public/data.ts';
import { publicRegion } from '../../src/server/directory/public/regions.ts';
import { type TestApp, createTestApp, systemCommand } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { seedDemoDirectory, serviceInput } from './fixture.ts';

/** Text as a reader sees it: lines a long name wrapped onto joined again. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const PRINTED_AT = new Date('2026-11-22T10:00:00Z');
const BAMBARA_NAME = 'Ɲɔgɔndɛmɛ ka sigiyɔrɔ Kadiogo (démo)';

describe('leaflet cache', () => {
  it('draws a leaflet once per five minutes, and keeps only the most recent ones', async () => {
    const cache = new LeafletCache(300_000, 2);
    let drawn = 0;
    const make = async () => Buffer.from(`pdf ${++drawn}`);
    expect((await cache.get('ML07:bm:a5', make, 0)).toString()).toBe('pdf 1');
    expect((await cache.get('ML07:bm:a5', make, 299_999)).toString()).toBe('pdf 1');
    expect((await cache.get('ML07:bm:a5', make, 300_000)).toString()).toBe('pdf 2');
    await cache.get('ML07:fr:a5', make, 300_001);
    await cache.get('ML07:en:a5', make, 300_002);
    // The oldest entry left to make room: asked again, it is drawn anew.
    expect((await cache.get('ML07:bm:a5', make, 300_003)).toString()).toBe('pdf 5');
  });
});

describe(`printable leaflet on ${BACKEND}`, () => {
  let t: TestApp;
  const kadiogo = publicRegion('BF13')!;
  /** The demo services a person of Kadiogo may be given: public, running, in the region. */
  const expected = DEMO_SERVICES.filter((s) => (s.admin1 === 'BF13' || s.coverage?.includes('BF13')) && !s.membersOnly && !s.status);

  const leaflet = async (locale: Locale, format: LeafletFormat, region = kadiogo) => {
    const pdf = await renderLeaflet({
      locale,
      region: region.name,
      format,
      needs: (await loadNeeds(t.database.db)).all,
      services: await findPublicServices(t.database.db, { region }),
      printedAt: PRINTED_AT,
    });
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    return { pdf, text: flat(text), totalPages };
  };

  beforeAll(async () => {
    t = await createTestApp({ SIRA_HSDS_RATE_LIMIT: '10000' });
    await seedDemoDirectory(t);
    const organisationId = stableId(`demo:organisation:${DEMO_ORGANISATIONS.find((o) => o.key === 'bf-community')!.key}`);
    await systemCommand(t, 'service.create', serviceInput(organisationId, { name: BAMBARA_NAME, serviceTypes: ['shelter'], coverage: ['BF13'], phones: [{ number: '+226 00 00 77 77', languages: ['bm'] }] }));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('prints the region, every public service with its phone, and the Bambara letters intact (A5, Bambara)', async () => {
    const { text, totalPages } = await leaflet('bm', 'a5');
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(text).toContain('Dɛmɛ sɔrɔyɔrɔw — Kadiogo');
    expect(text).toContain(BAMBARA_NAME);
    expect(text).toContain('+226 00 00 77 77');
    for (const [index, s] of DEMO_SERVICES.entries()) {
      if (!expected.includes(s)) continue;
      const input = demoServiceInput(s, index);
      expect(text).toContain(input.name);
      expect(text).toContain(input.phones[0]!.number);
    }
    // Catalogue words and need names in Bambara, with ɛ, ɔ and ɲ as letters of their own.
    for (const word of ['Sɔngɔ: Fu', 'Telefɔni:', 'Sigiyɔrɔ', 'Dumuni', 'Wele sani i ka taa', `Ɲɛ 1 / ${totalPages}`]) expect(text).toContain(word);
    expect(text).toMatch(/ntɛnɛ–alamisa 08:00 ka se 17:00/);
  });

  it('prints the same in French on A4, with the date of printing, the advice and page numbers', async () => {
    const { text, totalPages } = await leaflet('fr', 'a4');
    expect(text).toContain("Où trouver de l'aide — Kadiogo");
    expect(text).toContain('Imprimé le 22 novembre 2026');
    expect(text).toContain('Appelez avant de vous déplacer');
    expect(text).toContain(`Page ${totalPages} sur ${totalPages}`);
    expect(text).toContain(BAMBARA_NAME);
    expect(text).toMatch(/Participation de 1\s000 XOF/u);
    expect(text).toContain('Hébergement');
    // A need heading comes before its services, in the taxonomy's order.
    expect(text.indexOf('Alimentation')).toBeLessThan(text.indexOf('Hébergement'));
  });

  it('never prints a confidential place or a members-only service', async () => {
    const { text } = await leaflet('fr', 'a5');
    expect(text).toContain("Centre d'hébergement Laafi");
    expect(text).not.toContain('Site protégé');
    expect(text).not.toContain('Adresse communiquée sur orientation');
    const bamako = await leaflet('fr', 'a4', publicRegion('ML09')!);
    expect(bamako.text).toContain('Retour volontaire et réintégration');
    expect(bamako.text).not.toContain('Clinique juridique');
  });

  it('uses the page size asked for, keeps A5 text at 9 pt or more, and embeds font subsets', async () => {
    for (const [format, size] of [
      ['a4', [595.28, 841.89]],
      ['a5', [419.53, 595.28]],
    ] as const) {
      const { pdf } = await leaflet('bm', format);
      const doc = await getDocumentProxy(new Uint8Array(pdf));
      const view = (await doc.getPage(1)).view;
      expect(view[2]).toBeCloseTo(size[0], 0);
      expect(view[3]).toBeCloseTo(size[1], 0);
      const { items } = await extractTextItems(new Uint8Array(pdf));
      const sizes = items.flat().filter((i) => i.str.trim().length > 0).map((i) => i.fontSize);
      expect(sizes.length).toBeGreaterThan(20);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
      const raw = pdf.toString('latin1');
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
      expect(raw).not.toContain('/Helvetica');
      // A subset, not the 700 kB font files.
      expect(pdf.length).toBeLessThan(120_000);
    }
  });

  it('says so when a region has no public service yet', async () => {
    const { text, totalPages } = await leaflet('en', 'a5', publicRegion('ML08')!);
    expect(text).toContain('Where to find help — Kidal');
    expect(text).toContain('No service open to the public is recorded for this region yet.');
    expect(totalPages).toBe(1);
  });

  it('is served at /annuaire/depliant.pdf for a region, language and size', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/annuaire/depliant.pdf?region=BF13&lang=bm&format=a5' });
    expect(res.statusCode).toBe(200);
    const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true });
    expect(flat(text)).toContain('Dɛmɛ sɔrɔyɔrɔw — Kadiogo');
    expect(flat(text)).toContain(BAMBARA_NAME);
    const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
    expect((await doc.getPage(1)).view[2]).toBeCloseTo(419.53, 0);
  });
});
