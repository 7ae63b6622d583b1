import { stringify } from 'csv-stringify/sync';
import { type Zippable, zipSync } from 'fflate';
import { HSDS_TABLES, type HsdsTableName, NUMERIC_FIELDS, tableByName } from '../../../domain/directory/hsds-tabular.ts';
import type { Hsds } from '../hsds/presenter.ts';
import { hsdsTaxonomy, hsdsTerm } from '../hsds/presenter.ts';
import { hsdsExportService } from './hsds-json.ts';
import type { DirectorySnapshot } from './load.ts';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const cell = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Rows of each table, deduplicated by id (a location serves several services). */
class Tables {
  private rows = new Map<HsdsTableName, Map<string, Obj>>();
  add(table: HsdsTableName, row: Obj, extra: Obj = {}): void {
    const rows = this.rows.get(table) ?? new Map<string, Obj>();
    this.rows.set(table, rows);
    const id = String(row.id);
    if (!rows.has(id)) rows.set(id, { ...row, ...extra });
  }
  csv(table: HsdsTableName): string {
    const { fields } = tableByName(table);
    const rows = [...(this.rows.get(table)?.values() ?? [])].map((r) => fields.map((f) => cell(r[f])));
    return stringify(rows, { header: true, columns: [...fields], record_delimiter: '\n' });
  }
}

function addService(t: Tables, s: Hsds): void {
  const id = s.id as string;
  const org = s.organization as Obj;
  t.add('organization', org);
  for (const a of list(org.attributes)) t.add('attribute', a);
  t.add('service', s);
  for (const a of list(s.attributes)) t.add('attribute', a, { taxonomy_term: undefined });
  for (const p of list(s.phones)) {
    t.add('phone', p);
    for (const l of list(p.languages)) t.add('language', l);
  }
  for (const c of list(s.contacts)) {
    t.add('contact', c);
    for (const p of list(c.phones)) t.add('phone', p);
  }
  for (const sc of list(s.schedules)) t.add('schedule', sc);
  for (const a of list(s.service_areas)) {
    t.add('service_area', a);
    for (const x of list(a.attributes)) t.add('attribute', x);
  }
  for (const l of list(s.languages)) t.add('language', l);
  for (const c of list(s.cost_options)) t.add('cost_option', c);
  for (const sal of list(s.service_at_locations)) {
    t.add('service_at_location', sal);
    const l = sal.location as Obj;
    t.add('location', l);
    for (const a of list(l.addresses)) t.add('address', a);
    for (const a of list(l.attributes)) t.add('attribute', a);
  }
  for (const c of list(s.capacities)) t.add('service_capacity', { ...c, service_id: id, unit: (c.unit as Obj).identifier });
}

/** The Frictionless descriptor of the tables written, after HSDS's datapackage.json. */
export function datapackage(): Obj {
  return {
    name: 'sira-directory',
    title: 'Sira service directory (HSDS 3.0 tabular, Sira NRM profile)',
    profile: 'tabular-data-package',
    resources: HSDS_TABLES.map((t) => ({
      name: t.name,
      path: t.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: { primaryKey: 'id', fields: t.fields.map((name) => ({ name, type: NUMERIC_FIELDS[t.name]?.includes(name) ? 'number' : 'string' })) },
    })),
  };
}

/**
 * HSDS tabular data in a zip: one CSV per table of HSDS_TABLES (header row, UTF-8, commas),
 * and datapackage.json. The whole taxonomy goes with it so that a reader can resolve every
 * attribute's term. Same visibility as the JSON export (coordinators: everything).
 */
export function exportHsdsCsvZip(snapshot: DirectorySnapshot): Uint8Array {
  const t = new Tables();
  for (const x of snapshot.taxonomies) t.add('taxonomy', hsdsTaxonomy(x));
  for (const term of snapshot.terms) t.add('taxonomy_term', hsdsTerm(term, snapshot.taxonomyKeys.get(term.taxonomyId) ?? ''));
  for (const b of snapshot.bundles) addService(t, hsdsExportService(b, snapshot.taxonomyKeys));
  const encoder = new TextEncoder();
  const files: Zippable = { 'datapackage.json': encoder.encode(`${JSON.stringify(datapackage(), null, 2)}\n`) };
  for (const table of HSDS_TABLES) files[table.path] = encoder.encode(t.csv(table.name));
  // A fixed date keeps the same directory's zip byte for byte the same.
  return zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
}
