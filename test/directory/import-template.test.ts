import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../src/cli/ids.ts';
import { loadDirectory } from '../../src/server/directory/export/load.ts';
import { templateLocationId, templateServiceId } from '../../src/server/directory/import/parse-xlsx.ts';
import { presentImportProblem } from '../../src/server/directory/import/present.ts';
import { type TestApp, createTestApp } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { broken, good, org, sheet } from './import-sheets.ts';
import { runImport, seedOrganisations, writeCounts } from './import-support.ts';

describe(`Excel template import on ${BACKEND}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedOrganisations(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('reports every error with its row and column in French, and writes nothing', async () => {
    const before = await writeCounts(t);
    const report = await runImport(t, await sheet(broken), 'cartographie.xlsx');
    expect(report.stored).toBe(false);
    expect(report.problems.map((p) => presentImportProblem(p, 'fr')).map((p) => `${p.location} : ${p.message}`)).toEqual([
      '« Services », ligne 4, colonne « Types de service » : Type de service inconnu : Massage.',
      '« Services », ligne 5, colonne « Téléphone(s) » : Numéro de téléphone invalide : chiffres, espaces et « + » seulement.',
      '« Services », ligne 6, colonne « Nom du service » : Ce champ est obligatoire.',
      '« Services », ligne 7, colonne « Montant (FCFA) » : Montant obligatoire pour un service payant.',
      '« Services », ligne 8, colonne « Région » : Région inconnue : Atlantide.',
    ]);
    expect(report.counts).toMatchObject({ created: 0, skipped: 5 });
    expect(await writeCounts(t)).toEqual(before);
    // The same problems in English for an English-speaking coordinator.
    expect(presentImportProblem(report.problems[0]!, 'en')).toMatchObject({ location: '"Services", row 4, column "Types de service"', message: 'Unknown service type: Massage.' });
  });

  it('imports only the valid rows when asked to, and the same sheet again changes nothing', async () => {
    const report = await runImport(t, await sheet(broken), 'cartographie.xlsx', { validOnly: true });
    expect(report).toMatchObject({ stored: true, counts: { created: 1, skipped: 5 } });
    expect(report.problems).toHaveLength(5);
    const { bundles } = await loadDirectory(t.database.db);
    expect(bundles.map((b) => b.service.name)).toEqual(['Écoute des migrants de Kati']);
    const b = bundles[0]!;
    const organisationId = stableId(`demo:organisation:${org.key}`);
    // Rows without identifiers get stable ones from the organisation, the name and the place.
    expect(b.service.id).toBe(templateServiceId(organisationId, 'Écoute des migrants de Kati'));
    expect(b.places[0]!.location.id).toBe(templateLocationId(organisationId, 'Bureau de Kati', 'Kati', 'Quartier Malibougou'));
    expect(b.attributes.map((a) => a.term.code).sort()).toEqual(['psychosocial', 'returnee', 'vulnerability_screening']);
    expect(b.languages.map((l) => l.code)).toEqual(['fr', 'bm']);
    expect(b.schedules.map((s) => `${s.byday} ${s.opensAt}-${s.closesAt}`)).toEqual(['MO,TU,WE,TH,FR 08:00-17:00', 'SA 08:00-12:00']);
    expect(b.places[0]!.location.admin1Pcode).toBe('ML02');

    const before = await writeCounts(t);
    const again = await runImport(t, await sheet([good]), 'cartographie.xlsx');
    expect(again).toMatchObject({ problems: [], stored: false, counts: { created: 0, updated: 0, unchanged: 1 } });
    expect(await writeCounts(t)).toEqual(before);
    // A sheet with only the required columns leaves everything else as stored.
    const narrow = new ExcelJS.Workbook();
    const ws = narrow.addWorksheet('Services');
    ws.addRow(['Organisation', 'Nom du service', 'Types de service']);
    ws.addRow([good.organisation, good.name, good.serviceTypes]);
    const kept = await runImport(t, new Uint8Array(await narrow.xlsx.writeBuffer()), 'court.xlsx');
    expect(kept).toMatchObject({ problems: [], counts: { unchanged: 1 } });
    expect(await writeCounts(t)).toEqual(before);
  });

  it('groups rows of one service into its places and refuses values that differ between them', async () => {
    const two = [
      { ...good, name: 'Soins à Kita', serviceTypes: 'Soins médicaux', locationName: 'Poste A', city: 'Kita' },
      { name: 'Soins à Kita', organisation: org.name, locationName: 'Poste B', city: 'Kita', address: 'Route de Bamako', region: 'Kayes (ML01)' },
    ];
    const ok = await runImport(t, await sheet(two), 'kita.xlsx', { dryRun: true });
    expect(ok).toMatchObject({ problems: [], stored: false, counts: { created: 1 } });
    const conflicting = await runImport(t, await sheet([two[0]!, { ...two[1]!, cost: 'Payant', costAmount: 500 }]), 'kita.xlsx');
    expect(conflicting.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, 'Coût', 'conflictingValue'],
      // The service's cost is the first row's (free): an amount given further down contradicts it.
      [4, 'Montant (FCFA)', 'freeWithAmount'],
    ]);
  });

  it('stores a file in one transaction: a command failing half-way leaves nothing behind', async () => {
    const create = t.registry.get('service.create')!;
    const failing = new Map(t.registry);
    failing.set('service.create', { ...create, handle: async (ctx, input: { name: string }) => (input.name === 'Deuxième service' ? Promise.reject(new Error('panne simulée')) : create.handle(ctx, input)) });
    const before = await writeCounts(t);
    const data = await sheet([{ ...good, name: 'Premier service' }, { ...good, name: 'Deuxième service', locationName: 'Autre bureau' }]);
    await expect(runImport({ ...t, registry: failing }, data, 'deux.xlsx')).rejects.toThrow('panne simulée');
    expect(await writeCounts(t)).toEqual(before);
  });

  it('says which sheet or column is missing, and an unknown organisation', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1').addRow(['Nom']);
    const none = await runImport(t, new Uint8Array(await wb.xlsx.writeBuffer()), 'vide.xlsx');
    expect(none.problems.map((p) => presentImportProblem(p, 'fr').message)).toEqual(['Feuille « Services » introuvable.']);
    const unknown = await runImport(t, await sheet([{ ...good, organisation: 'ONG Inconnue' }]), 'x.xlsx');
    expect(unknown.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'Organisation', 'unknownOrganisation']]);
  });
});
