import ExcelJS from 'exceljs';
import type { Weekday } from '../../../domain/directory/schedule.ts';
import {
  COST_LABELS,
  NO,
  REGION_CHOICES,
  STATUS_LABELS,
  TEMPLATE_COLUMNS,
  TEMPLATE_FIRST_DATA_ROW,
  TEMPLATE_LISTS_SHEET,
  TEMPLATE_NOTES_SHEET,
  TEMPLATE_SHEET,
  type TemplateColumnKey,
  UNIT_LABELS,
  VISIBILITY_LABELS,
  YES,
  formatHours,
  regionLabel,
} from '../../../domain/directory/template.ts';
import { translate } from '../../../domain/i18n/translate.ts';
import type { ServiceBundle, TermRow } from '../bundle.ts';
import type { DirectorySnapshot } from './load.ts';

type Cells = Partial<Record<TemplateColumnKey, string | number>>;
/** Rows prepared for data validation: generous for a regional mapping, cheap in file size. */
const VALIDATED_ROWS = 2000;

const column = (key: TemplateColumnKey) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

function rowsOf(b: ServiceBundle): Cells[] {
  const s = b.service;
  const cost = b.costs[0];
  const names = (linkType: string) => b.attributes.filter((a) => a.linkType === linkType).map((a) => a.term.name).join('; ');
  const service: Cells = {
    serviceId: s.id,
    organisation: b.organisation.name,
    name: s.name,
    description: s.description ?? undefined,
    serviceTypes: names('service_type'),
    targetGroups: names('target_group'),
    eligibility: s.eligibilityDescription ?? undefined,
    minimumAge: s.minimumAge ?? undefined,
    maximumAge: s.maximumAge ?? undefined,
    cost: cost ? COST_LABELS[cost.kind as keyof typeof COST_LABELS] : undefined,
    costAmount: cost?.amount != null ? Number(cost.amount) : undefined,
    costDetails: cost?.amountDescription ?? undefined,
    languages: b.languages.map((l) => l.code).join('; '),
    phones: b.phones.map((p) => p.number).join('; '),
    email: s.email ?? undefined,
    url: s.url ?? undefined,
    hours: formatHours(b.schedules.map((x) => ({ days: x.byday.split(',') as Weekday[], opensAt: x.opensAt, closesAt: x.closesAt }))),
    coverage: b.areas.map((a) => a.pcode).join('; '),
    status: STATUS_LABELS[s.status as keyof typeof STATUS_LABELS],
    visibility: VISIBILITY_LABELS[s.visibility as keyof typeof VISIBILITY_LABELS],
    capacityUnit: b.capacity ? UNIT_LABELS[b.capacity.unit as keyof typeof UNIT_LABELS] : undefined,
    capacityAvailable: b.capacity?.available,
    capacityMaximum: b.capacity?.maximum ?? undefined,
  };
  if (b.places.length === 0) return [service];
  return b.places.map(({ location: l, addresses }) => {
    const a = addresses[0];
    return {
      ...service,
      locationId: l.id,
      locationName: l.name ?? undefined,
      region: l.admin1Pcode ? regionLabel(l.admin1Pcode) : undefined,
      adminTwo: a?.region ?? l.admin2Pcode ?? undefined,
      city: a?.city,
      address: a?.address1,
      latitude: l.latitude ?? undefined,
      longitude: l.longitude ?? undefined,
      confidential: l.confidential ? YES : NO,
    };
  });
}

function addLists(workbook: ExcelJS.Workbook, terms: TermRow[], typesTaxonomy: string | undefined): Record<string, string> {
  const ws = workbook.addWorksheet(TEMPLATE_LISTS_SHEET);
  const lists: [string, string[]][] = [
    ['serviceTypes', terms.filter((t) => t.active && t.taxonomyId === typesTaxonomy).map((t) => t.name)],
    ['targetGroups', terms.filter((t) => t.active && t.taxonomyId !== typesTaxonomy).map((t) => t.name)],
    ['cost', Object.values(COST_LABELS)],
    ['region', [...REGION_CHOICES]],
    ['status', Object.values(STATUS_LABELS)],
    ['visibility', Object.values(VISIBILITY_LABELS)],
    ['capacityUnit', Object.values(UNIT_LABELS)],
    ['confidential', [YES, NO]],
  ];
  const ranges: Record<string, string> = {};
  lists.forEach(([key, values], i) => {
    const col = letter(i + 1);
    ws.getCell(`${col}1`).value = translate('fr', `directoryImport.column.${key}`);
    values.forEach((v, j) => (ws.getCell(`${col}${j + 2}`).value = v));
    ranges[key] = `${TEMPLATE_LISTS_SHEET}!$${col}$2:$${col}$${Math.max(2, values.length + 1)}`;
    ws.getColumn(i + 1).width = 34;
  });
  return ranges;
}

/**
 * The partners' workbook: the services sheet (French headers, English and Bambara below),
 * drop-down lists for service types, target groups, regions, cost, status, visibility,
 * capacity unit and confidentiality, a notes sheet explaining every column in the three
 * languages, and the lists sheet the drop-downs read. Empty with `bundles` empty: the
 * template `sira directory template` ships.
 */
export async function writeTemplate(bundles: readonly ServiceBundle[], terms: TermRow[], typesTaxonomyId: string | undefined): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sira';
  const ws = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }] });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  ws.getRow(1).values = TEMPLATE_COLUMNS.map((c) => translate('fr', `directoryImport.column.${c.key}`));
  ws.getRow(2).values = TEMPLATE_COLUMNS.map((c) => `${translate('en', `directoryImport.column.${c.key}`)} / ${translate('bm', `directoryImport.column.${c.key}`)}`);
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true, color: { argb: 'FF555555' } };
  for (const b of bundles) for (const r of rowsOf(b)) ws.addRow(r);

  const ranges = addLists(workbook, terms, typesTaxonomyId);
  // exceljs supports ranges of validation (one rule for a whole column) but does not type them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const span = (key: TemplateColumnKey) => `${letter(column(key))}${TEMPLATE_FIRST_DATA_ROW}:${letter(column(key))}${VALIDATED_ROWS}`;
  const strict = (key: TemplateColumnKey, list: string) =>
    validations.add(span(key), { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true, errorStyle: 'stop', error: translate('fr', 'directoryImport.template.pickFromList') });
  // Several types or groups go in one cell separated by ";": the list helps, it does not forbid.
  const helping = (key: TemplateColumnKey, list: string) =>
    validations.add(span(key), { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true, errorStyle: 'information', error: translate('fr', 'directoryImport.template.severalValues') });
  helping('serviceTypes', ranges.serviceTypes!);
  helping('targetGroups', ranges.targetGroups!);
  strict('cost', ranges.cost!);
  strict('region', ranges.region!);
  strict('status', ranges.status!);
  strict('visibility', ranges.visibility!);
  strict('capacityUnit', ranges.capacityUnit!);
  strict('confidential', ranges.confidential!);
  for (const key of ['minimumAge', 'maximumAge', 'costAmount', 'capacityAvailable', 'capacityMaximum'] as const) {
    validations.add(span(key), { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: translate('fr', 'directoryImport.template.wholeNumber') });
  }

  const notes = workbook.addWorksheet(TEMPLATE_NOTES_SHEET);
  notes.columns = [{ width: 28 }, { width: 60 }, { width: 60 }, { width: 60 }];
  notes.addRow([translate('fr', 'directoryImport.template.notesColumn'), 'Français', 'English', 'Bamanankan']).font = { bold: true };
  notes.addRow(['', translate('fr', 'directoryImport.template.intro'), translate('en', 'directoryImport.template.intro'), translate('bm', 'directoryImport.template.intro')]);
  for (const c of TEMPLATE_COLUMNS) {
    const help = (l: 'fr' | 'en' | 'bm') => `${translate(l, `directoryImport.column.${c.key}`)} — ${translate(l, `directoryImport.help.${c.key}`)}`;
    notes.addRow([translate('fr', `directoryImport.column.${c.key}`), help('fr'), help('en'), help('bm')]);
  }
  notes.getColumn(2).alignment = notes.getColumn(3).alignment = notes.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function exportXlsx(snapshot: DirectorySnapshot): Promise<Uint8Array> {
  const types = snapshot.taxonomies.find((t) => t.key === 'nrm_service_types')?.id;
  return writeTemplate(snapshot.bundles, snapshot.terms, types);
}
