import type { Where } from './candidate.ts';
import type { ParsedFile } from './candidate.ts';
import { type TermCodes, candidateFromHsds } from './from-hsds.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records every nested object's JSON path, so a problem names the member it is about. */
function pathsOf(root: Obj): WeakMap<object, string> {
  const paths = new WeakMap<object, string>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (isObj(v)) {
      paths.set(v, path);
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(root, '');
  return paths;
}

/**
 * HSDS JSON: an array of fully nested services (Sira's export), one service per line
 * (NDJSON, as `/hsds/services?format=ndjson` streams), one service, or an HSDS page
 * envelope. The row of a problem is the service's position (its line for NDJSON).
 */
export function parseHsdsJson(text: string, fileName: string, terms: TermCodes): ParsedFile {
  let records: unknown[];
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  try {
    const whole = JSON.parse(trimmed) as unknown;
    records = Array.isArray(whole) ? whole : isObj(whole) && Array.isArray(whole.contents) ? whole.contents : [whole];
  } catch {
    try {
      records = trimmed.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
    } catch {
      return { candidates: [], problems: [{ sheet: fileName, row: null, column: null, code: 'unreadable' }] };
    }
  }
  if (records.length === 0) return { candidates: [], problems: [{ sheet: fileName, row: null, column: null, code: 'empty' }] };
  const problems: ParsedFile['problems'] = [];
  const candidates = records.flatMap((record, index) => {
    if (!isObj(record)) {
      problems.push({ sheet: fileName, row: index + 1, column: null, code: 'invalid' });
      return [];
    }
    const paths = pathsOf(record);
    const where = (o: Obj, field: string): Where => {
      const base = paths.get(o) ?? '';
      return { sheet: fileName, row: index + 1, column: base ? `${base}.${field}` : field };
    };
    return [candidateFromHsds(record, terms, where)];
  });
  return { candidates, problems };
}
