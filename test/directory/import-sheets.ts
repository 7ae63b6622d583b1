import ExcelJS from 'exceljs';
import { DEMO_ORGANISATIONS } from '../../src/cli/demo-data.ts';
import { TEMPLATE_COLUMNS, type TemplateColumnKey } from '../../src/domain/directory/template.ts';
import { writeTemplate } from '../../src/server/directory/export/xlsx.ts';

export type Row = Partial<Record<TemplateColumnKey, string | number>>;
export const org = DEMO_ORGANISATIONS[0]!;

/** A partner's sheet: the shipped empty template, filled in with exceljs as Excel would save it. */
export async function sheet(rows: Row[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await writeTemplate([], [], undefined)) as unknown as ExcelJS.Buffer);
  const ws = workbook.getWorksheet('Services')!;
  for (const r of rows) ws.addRow(TEMPLATE_COLUMNS.map((c) => r[c.key] ?? null));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const good: Row = {
  organisation: org.name,
  name: 'Écoute des migrants de Kati',
  serviceTypes: 'Soutien psychosocial; Évaluation de la vulnérabilité',
  targetGroups: 'Migrant de retour',
  cost: 'Gratuit',
  languages: 'fr; bambara',
  phones: '+223 00 00 12 34',
  hours: 'lun-ven 08:00-17:00; sam 8h-12h',
  coverage: 'Koulikoro (ML02)',
  locationName: 'Bureau de Kati',
  region: 'Koulikoro (ML02)',
  city: 'Kati',
  address: 'Quartier Malibougou',
  confidential: 'Non',
};

export const broken: Row[] = [
  good, // row 3
  { ...good, name: 'Hébergement Kayes', serviceTypes: 'Hébergement; Massage', locationName: 'Centre de Kayes', city: 'Kayes', region: 'Kayes (ML01)' }, // row 4: unknown service type
  { ...good, name: 'Transport Ségou', serviceTypes: 'Transport', phones: '+223 appelez-nous', locationName: 'Gare', city: 'Ségou', region: 'Ségou' }, // row 5: bad phone
  { ...good, name: undefined, serviceTypes: 'Alimentation', locationName: 'Cantine', city: 'Kati' }, // row 6: missing name
  { ...good, name: 'Clinique payante', serviceTypes: 'Soins médicaux', cost: 'Payant', locationName: 'Clinique', city: 'Kati' }, // row 7: paid without amount
  { ...good, name: 'Relais de Sikasso', serviceTypes: 'Transport', locationName: 'Relais', city: 'Sikasso', region: 'Atlantide' }, // row 8: unknown region
];

