import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { type HsdsTableName, NUMERIC_FIELDS, tableByPath } from '../../../domain/directory/hsds-tabular.ts';
import type { ImportProblem } from '../../../domain/directory/import-problems.ts';
import type { ParsedFile, Where } from './candidate.ts';
import { type TermCodes, candidateFromHsds } from './from-hsds.ts';

type Obj = Record<string, unknown>;
interface Row {
  file: string;
  line: number;
  data: Obj;
}

/** Reads one CSV: header row, commas or semicolons (what French spreadsheets write), UTF-8 with or without BOM. */
function readTable(name: HsdsTableName, file: string, text: string, problems: ImportProblem[]): Row[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((x) => x.trim()), bom: true, skip_empty_lines: true, delimiter: [',', ';'], info: true, relax_column_count: true });
  } catch {
    problems.push({ sheet: file, row: null, column: null, code: 'unreadable' });
    return [];
  }
  const numeric = NUMERIC_FIELDS[name] ?? [];
  return records.map(({ record, info }) => {
    const data: Obj = {};
    for (const [k, v] of Object.entries(record)) {
      if (v === '') continue;
      data[k] = numeric.includes(k) && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v;
    }
    return { file, line: info.lines, data };
  });
}

/**
 * HSDS tabular data in a zip (Sira's export, or another publisher's): the tables are read,
 * each service is nested again as the HSDS API would return it, and converted like HSDS
 * JSON. Problems name the CSV file, its line and the column. Tables Sira does not keep
 * (programs, fundings…) are ignored.
 */
export function parseHsdsZip(data: Uint8Array, fileName: string, terms: TermCodes): ParsedFile {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data);
  } catch {
    return { candidates: [], problems: [{ sheet: fileName, row: null, column: null, code: 'unreadable' }] };
  }
  const problems: ImportProblem[] = [];
  const tables = new Map<HsdsTableName, Row[]>();
  const origin = new WeakMap<object, { file: string; line: number }>();
  const decoder = new TextDecoder();
  for (const [path, bytes] of Object.entries(entries)) {
    const base = path.split('/').pop() ?? path;
    const table = tableByPath(base);
    if (!table) continue;
    const rows = readTable(table.name, base, decoder.decode(bytes), problems);
    for (const r of rows) origin.set(r.data, { file: r.file, line: r.line });
    tables.set(table.name, [...(tables.get(table.name) ?? []), ...rows]);
  }
  const services = tables.get('service') ?? [];
  if (services.length === 0) {
    if (problems.length === 0) problems.push({ sheet: tables.size === 0 ? fileName : 'services.csv', row: null, column: null, code: tables.size === 0 ? 'unknownFormat' : 'empty' });
    return { candidates: [], problems };
  }

  const rows = (t: HsdsTableName) => (tables.get(t) ?? []).map((r) => r.data);
  const by = (t: HsdsTableName, key: string) => {
    const map = new Map<string, Obj[]>();
    for (const r of rows(t)) {
      const k = r[key];
      if (typeof k !== 'string') continue;
      map.set(k, [...(map.get(k) ?? []), r]);
    }
    return map;
  };
  const byId = (t: HsdsTableName) => new Map(rows(t).map((r) => [String(r.id), r]));
  const organisations = byId('organization');
  const termsById = byId('taxonomy_term');
  const locations = byId('location');
  const serviceIds = new Set(rows('service').map((r) => String(r.id)));
  const phonesByService = by('phone', 'service_id');
  const phonesByContact = by('phone', 'contact_id');
  const languagesByService = by('language', 'service_id');
  const languagesByPhone = by('language', 'phone_id');
  const addressesByLocation = by('address', 'location_id');
  const attributesByLink = by('attribute', 'link_id');
  /** A nested copy keeps the file and line of the row it copies. */
  const copy = (o: Obj, extra: Obj): Obj => {
    const c = { ...o, ...extra };
    const at = origin.get(o);
    if (at) origin.set(c, at);
    return c;
  };
  const withTerm = (a: Obj) => {
    const term = termsById.get(String(a.taxonomy_term_id));
    return term ? copy(a, { taxonomy_term: term }) : a;
  };
  const attributesOf = (id: string) => (attributesByLink.get(id) ?? []).map(withTerm);

  // A row pointing at a service the file does not have would be silently dropped: say so.
  for (const t of ['service_at_location', 'phone', 'contact', 'schedule', 'service_area', 'language', 'cost_option', 'service_capacity'] as const) {
    for (const r of tables.get(t) ?? []) {
      const id = r.data.service_id;
      if (typeof id === 'string' && !serviceIds.has(id)) problems.push({ sheet: r.file, row: r.line, column: 'service_id', code: 'missingReference', params: { value: id } });
    }
  }

  const nest = (children: Map<string, Obj[]>, id: string, fn: (o: Obj) => Obj = (o) => o) => (children.get(id) ?? []).map(fn);
  const contactsByService = by('contact', 'service_id');
  const schedulesByService = by('schedule', 'service_id');
  const areasByService = by('service_area', 'service_id');
  const costsByService = by('cost_option', 'service_id');
  const salsByService = by('service_at_location', 'service_id');
  const capacitiesByService = by('service_capacity', 'service_id');

  const candidates = services.map(({ data: s }) => {
    const id = String(s.id);
    const nested: Obj = copy(s, {
      organization: organisations.get(String(s.organization_id)),
      attributes: attributesOf(id),
      phones: nest(phonesByService, id, (p) => copy(p, { languages: nest(languagesByPhone, String(p.id)) })),
      contacts: nest(contactsByService, id, (c) => copy(c, { phones: nest(phonesByContact, String(c.id)) })),
      schedules: nest(schedulesByService, id),
      service_areas: nest(areasByService, id),
      languages: nest(languagesByService, id),
      cost_options: nest(costsByService, id),
      service_at_locations: nest(salsByService, id, (sal) => {
        const l = locations.get(String(sal.location_id));
        return l ? copy(sal, { location: copy(l, { addresses: nest(addressesByLocation, String(l.id)), attributes: attributesOf(String(l.id)) }) }) : sal;
      }),
      capacities: nest(capacitiesByService, id),
    });
    const where = (o: Obj, field: string): Where => {
      const at = origin.get(o);
      return at ? { sheet: at.file, row: at.line, column: field } : { sheet: 'services.csv', row: origin.get(s)?.line ?? null, column: field };
    };
    return candidateFromHsds(nested, new Map([...termCodesOf(termsById), ...terms]), where);
  });
  return { candidates, problems };

}

/** Terms the file itself lists (taxonomy_terms.csv), by id. */
function termCodesOf(termsById: Map<string, Obj>): TermCodes {
  const out = new Map<string, { linkType: string; code: string }>();
  for (const [id, t] of termsById) if (typeof t.code === 'string') out.set(id, { linkType: String(t.taxonomy ?? ''), code: t.code });
  return out;
}
