import ExcelJS from 'exceljs';
import { v5 as uuidv5 } from 'uuid';
import type { ImportProblem } from '../../../domain/directory/import-problems.ts';
import {
  TEMPLATE_COLUMNS,
  TEMPLATE_SHEET,
  type TemplateColumnKey,
  parseCost,
  parseHours,
  parseLanguage,
  parseRegion,
  parseStatus,
  parseUnit,
  parseVisibility,
  parseYesNo,
  splitCodes,
  splitList,
} from '../../../domain/directory/template.ts';
import { normaliseForSearch } from '../../../domain/directory/text.ts';
import { translate } from '../../../domain/i18n/translate.ts';
import { type Candidate, type ParsedFile, type PathProblem, type Where, locator } from './candidate.ts';
import type { Reference } from './reference.ts';

/**
 * Ids of rows without one: a service is its organisation and name, a place its
 * organisation, name, town and address. Never change the namespace: a later import of the
 * same sheet must find the same records.
 */
const TEMPLATE_NAMESPACE = '9d2b7f15-0c4e-4a8b-b6d3-e1f0a2c4b857';
const fold = (s: string | undefined) => normaliseForSearch(s ?? '');
export const templateServiceId = (organisation: string, name: string) => uuidv5(`service:${organisation}:${fold(name)}`, TEMPLATE_NAMESPACE);
export const templateLocationId = (organisation: string, name: string | undefined, city: string | undefined, address: string | undefined) =>
  uuidv5(`location:${organisation}:${fold(name)}:${fold(city)}:${fold(address)}`, TEMPLATE_NAMESPACE);

/** The template columns each input field is read from. */
const FIELD_COLUMNS: Record<string, readonly TemplateColumnKey[]> = {
  description: ['description'],
  targetGroups: ['targetGroups'],
  eligibilityDescription: ['eligibility'],
  minimumAge: ['minimumAge'],
  maximumAge: ['maximumAge'],
  costs: ['cost', 'costAmount', 'costDetails'],
  languages: ['languages'],
  phones: ['phones'],
  email: ['email'],
  url: ['url'],
  schedules: ['hours'],
  coverage: ['coverage'],
  status: ['status'],
  visibility: ['visibility'],
  capacity: ['capacityUnit', 'capacityAvailable', 'capacityMaximum'],
  locations: ['locationId', 'locationName', 'region', 'adminTwo', 'city', 'address', 'latitude', 'longitude', 'confidential'],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const header = (key: TemplateColumnKey) => translate('fr', `directoryImport.column.${key}`);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

interface SheetRow {
  number: number;
  cells: Map<TemplateColumnKey, string>;
}

/** Reads the services sheet: columns found by their French (or English) header. */
async function readRows(data: Uint8Array, fileName: string, problems: ImportProblem[]): Promise<{ rows: SheetRow[]; found: Set<TemplateColumnKey> } | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch {
    problems.push({ sheet: fileName, row: null, column: null, code: 'unreadable' });
    return null;
  }
  const ws = workbook.worksheets.find((w) => fold(w.name) === fold(TEMPLATE_SHEET));
  if (!ws) {
    problems.push({ sheet: fileName, row: null, column: null, code: 'missingSheet', params: { sheet: TEMPLATE_SHEET } });
    return null;
  }
  const byHeader = new Map<string, TemplateColumnKey>();
  for (const c of TEMPLATE_COLUMNS) for (const l of ['fr', 'en'] as const) byHeader.set(fold(translate(l, `directoryImport.column.${c.key}`)), c.key);
  const columns = new Map<number, TemplateColumnKey>();
  ws.getRow(1).eachCell((cell, index) => {
    const key = byHeader.get(fold(cellText(cell.value)));
    if (key) columns.set(index, key);
  });
  const found = new Set(columns.values());
  for (const key of ['organisation', 'name', 'serviceTypes'] as const) {
    if (!found.has(key)) problems.push({ sheet: ws.name, row: 1, column: header(key), code: 'missingColumn' });
  }
  if (problems.length > 0) return null;
  const rows: SheetRow[] = [];
  ws.eachRow((row, number) => {
    if (number === 1) return;
    const cells = new Map<TemplateColumnKey, string>();
    row.eachCell((cell, index) => {
      const key = columns.get(index);
      const text = cellText(cell.value);
      if (key && text) cells.set(key, text);
    });
    // Row 2 holds the English and Bambara headers.
    const name = cells.get('name');
    if (number === 2 && name?.startsWith(translate('en', 'directoryImport.column.name'))) return;
    if (cells.size > 0) rows.push({ number, cells });
  });
  return { rows, found };
}

/**
 * The partners' Excel template (src/domain/directory/template.ts): rows are grouped into
 * services, labels are turned into codes, and every field of the resulting input remembers
 * its row and column. Values that cannot be read are problems on their cell.
 */
export async function parseTemplate(data: Uint8Array, fileName: string, ref: Reference): Promise<ParsedFile> {
  const problems: ImportProblem[] = [];
  const read = await readRows(data, fileName, problems);
  if (!read) return { candidates: [], problems };
  const { rows, found } = read;
  if (rows.length === 0) return { candidates: [], problems: [{ sheet: TEMPLATE_SHEET, row: null, column: null, code: 'empty' }] };

  const groups = new Map<string, SheetRow[]>();
  for (const r of rows) {
    const id = r.cells.get('serviceId')?.toLowerCase();
    const key = id ?? `${fold(r.cells.get('organisation'))}|${fold(r.cells.get('name'))}` + (r.cells.get('name') ? '' : `|${r.number}`);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return { candidates: [...groups.values()].map((g) => serviceFromRows(g, ref, found)), problems };
}

function serviceFromRows(rows: SheetRow[], ref: Reference, found: ReadonlySet<TemplateColumnKey>): Candidate {
  const origins = new Map<string, Where>();
  const problems: PathProblem[] = [];
  const at = (row: number, key: TemplateColumnKey): Where => ({ sheet: TEMPLATE_SHEET, row, column: header(key) });
  /** The service's value of a column: its first non-blank cell; a different value further down is a problem. */
  const value = (key: TemplateColumnKey, path: string): string | undefined => {
    const first = rows.find((r) => r.cells.has(key));
    origins.set(path, at((first ?? rows[0]!).number, key));
    if (!first) return undefined;
    const v = first.cells.get(key)!;
    for (const r of rows) {
      const other = r.cells.get(key);
      if (other === undefined || fold(other) === fold(v)) continue;
      // Located on the differing cell itself, not on the first row's.
      const cell = `conflict:${r.number}:${key}`;
      origins.set(cell, at(r.number, key));
      problems.push({ path: [cell], code: 'conflictingValue', params: { row: String(first.number) } });
    }
    return v;
  };
  const whole = (key: TemplateColumnKey, path: string): number | string | null => {
    const v = value(key, path);
    if (v === undefined) return null;
    const n = Number(v.replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(n)) problems.push({ path: path.split('.'), code: 'notANumber', params: { value: v } });
    return Number.isFinite(n) ? n : null;
  };
  const choice = <T>(key: TemplateColumnKey, path: string, parse: (v: string) => T | undefined, code: PathProblem['code']): T | undefined => {
    const v = value(key, path);
    if (v === undefined) return undefined;
    const parsed = parse(v);
    if (parsed === undefined) problems.push({ path: path.split('.'), code, params: { value: v } });
    return parsed;
  };
  const many = (key: TemplateColumnKey, path: string, split: (s: string) => string[], parse: (v: string) => string | undefined, code: PathProblem['code']): string[] => {
    const items = split(value(key, path) ?? '');
    return items.map((v, i) => {
      origins.set(`${path}.${i}`, origins.get(path)!);
      const parsed = parse(v);
      if (parsed === undefined) problems.push({ path: [path, i], code, params: { value: v } });
      return parsed ?? v;
    });
  };

  const orgText = value('organisation', 'organisationId');
  const organisation = orgText ? ref.findOrganisation(orgText) : undefined;
  if (orgText && !organisation) problems.push({ path: ['organisationId'], code: 'unknownOrganisation', params: { value: orgText } });
  const orgKey = organisation?.id ?? fold(orgText);
  const name = value('name', 'name');
  const givenId = value('serviceId', 'serviceId');
  const serviceId = givenId ?? templateServiceId(orgKey, name ?? '');

  const cost = choice('cost', 'costs.0.kind', parseCost, 'unknownCost');
  const amount = whole('costAmount', 'costs.0.amount');
  const costDetails = value('costDetails', 'costs.0.description');
  if (cost === 'paid' && amount === null) problems.push({ path: ['costs', 0, 'amount'], code: 'amountRequired' });
  const hoursText = value('hours', 'schedules');
  const hours = hoursText ? parseHours(hoursText) : [];
  if (!hours) problems.push({ path: ['schedules'], code: 'invalidHours', params: { value: hoursText ?? '' } });
  const unit = choice('capacityUnit', 'capacity.unit', parseUnit, 'invalid');
  const available = whole('capacityAvailable', 'capacity.available');
  const maximum = whole('capacityMaximum', 'capacity.maximum');
  origins.set('capacity', origins.get('capacity.available')!);

  const locations = rows.flatMap((r) => {
    const cell = (key: TemplateColumnKey) => r.cells.get(key);
    if (!TEMPLATE_COLUMNS.some((c) => c.level === 'location' && r.cells.has(c.key))) return [];
    const i = rows.filter((x) => x.number < r.number && TEMPLATE_COLUMNS.some((c) => c.level === 'location' && x.cells.has(c.key))).length;
    const p = `locations.${i}`;
    const mark = (path: string, key: TemplateColumnKey) => origins.set(`${p}${path}`, at(r.number, key));
    mark('', cell('locationName') ? 'locationName' : 'city');
    for (const [path, key] of [['.id', 'locationId'], ['.name', 'locationName'], ['.admin1Pcode', 'region'], ['.admin2Pcode', 'adminTwo'], ['.latitude', 'latitude'], ['.longitude', 'longitude'], ['.confidential', 'confidential'], ['.address', 'address'], ['.address.address1', 'address'], ['.address.city', 'city'], ['.address.region', 'adminTwo'], ['.address.country', 'region']] as const) mark(path, key);
    const regionText = cell('region');
    const admin1 = regionText ? parseRegion(regionText) : undefined;
    if (regionText && !admin1) problems.push({ path: [p, 'admin1Pcode'], code: 'unknownRegion', params: { value: regionText } });
    const two = cell('adminTwo');
    const admin2 = two && /^[A-Za-z]{2}\d{4}$/.test(two) ? two.toUpperCase() : undefined;
    const number = (key: TemplateColumnKey, path: string) => {
      const v = cell(key);
      if (v === undefined) return null;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n)) problems.push({ path: [p, path], code: 'notANumber', params: { value: v } });
      return Number.isFinite(n) ? n : null;
    };
    const confidentialText = cell('confidential');
    const confidential = confidentialText ? parseYesNo(confidentialText) : false;
    if (confidential === undefined) problems.push({ path: [p, 'confidential'], code: 'notYesNo', params: { value: confidentialText ?? '' } });
    const city = cell('city');
    const street = cell('address');
    const country = (admin1 ?? admin2)?.slice(0, 2);
    if ((city || street) && !country && !regionText) problems.push({ path: [p, 'admin1Pcode'], code: 'required' });
    return [
      {
        id: cell('locationId') ?? templateLocationId(orgKey, cell('locationName'), city, street),
        locationType: 'physical',
        name: cell('locationName') ?? null,
        admin1Pcode: admin1 ?? null,
        admin2Pcode: admin2 ?? null,
        latitude: number('latitude', 'latitude'),
        longitude: number('longitude', 'longitude'),
        confidential: confidential ?? false,
        address: city || street ? { address1: street, city, region: two && !admin2 ? two : null, country: country ?? 'ML' } : null,
      },
    ];
  });

  const input = {
    serviceId,
    organisationId: organisation?.id,
    name,
    description: value('description', 'description') ?? null,
    serviceTypes: many('serviceTypes', 'serviceTypes', splitList, (v) => ref.termCode('service_type', v), 'unknownServiceType'),
    targetGroups: many('targetGroups', 'targetGroups', splitList, (v) => ref.termCode('target_group', v), 'unknownTargetGroup'),
    eligibilityDescription: value('eligibility', 'eligibilityDescription') ?? null,
    minimumAge: whole('minimumAge', 'minimumAge'),
    maximumAge: whole('maximumAge', 'maximumAge'),
    costs: cost ? [{ kind: cost, amount: cost === 'free' && amount === 0 ? null : amount, description: costDetails ?? null }] : [],
    languages: many('languages', 'languages', splitCodes, parseLanguage, 'unknownLanguage'),
    phones: splitCodes(value('phones', 'phones') ?? '').map((number, i) => {
      origins.set(`phones.${i}`, origins.get('phones')!);
      return { number, languages: [] };
    }),
    email: value('email', 'email') ?? null,
    url: value('url', 'url') ?? null,
    schedules: (hours ?? []).map((h, i) => {
      origins.set(`schedules.${i}`, origins.get('schedules')!);
      return h;
    }),
    coverage: many('coverage', 'coverage', splitCodes, (v) => parseRegion(v, 'any'), 'unknownRegion'),
    status: choice('status', 'status', parseStatus, 'unknownStatus') ?? 'active',
    visibility: choice('visibility', 'visibility', parseVisibility, 'unknownVisibility') ?? 'public',
    capacity: unit || available !== null ? { unit: unit ?? 'place', available, maximum } : null,
    locations,
  };
  // A column the sheet does not have at all leaves the stored value alone (a partner may delete columns they do not use).
  for (const [field, keys] of Object.entries(FIELD_COLUMNS)) if (!keys.some((k) => found.has(k))) delete (input as Record<string, unknown>)[field];
  if (givenId && !UUID.test(givenId)) problems.push({ path: ['serviceId'], code: 'invalidId', params: { value: givenId } });
  return { input, locate: locator(origins, at(rows[0]!.number, 'name')), problems, overlay: true };
}
