import { ADMIN1 } from '../geo/admin1.ts';
import { adminLevel } from './geo.ts';
import { LANGUAGE_NAMES } from './languages.ts';
import { WEEKDAYS, type Weekday } from './schedule.ts';
import { normaliseForSearch } from './text.ts';

/**
 * The partners' Excel template for a service mapping: one row per service at a place. The
 * French header (row 1) is what the import reads; row 2 repeats it in English and Bambara;
 * data starts on row 3. Rows of one service share its identifier (or, when the identifier
 * is blank, its organisation and name): the service's columns are read from its first row,
 * and a later row may repeat them or leave them blank. Headers and help are in the
 * `directoryImport.column.*` and `directoryImport.help.*` messages.
 */
export const TEMPLATE_COLUMNS = [
  { key: 'serviceId', level: 'service', width: 38 },
  { key: 'organisation', level: 'service', width: 28 },
  { key: 'name', level: 'service', width: 36 },
  { key: 'description', level: 'service', width: 40 },
  { key: 'serviceTypes', level: 'service', width: 32 },
  { key: 'targetGroups', level: 'service', width: 32 },
  { key: 'eligibility', level: 'service', width: 30 },
  { key: 'minimumAge', level: 'service', width: 10 },
  { key: 'maximumAge', level: 'service', width: 10 },
  { key: 'cost', level: 'service', width: 22 },
  { key: 'costAmount', level: 'service', width: 14 },
  { key: 'costDetails', level: 'service', width: 28 },
  { key: 'languages', level: 'service', width: 22 },
  { key: 'phones', level: 'service', width: 24 },
  { key: 'email', level: 'service', width: 26 },
  { key: 'url', level: 'service', width: 26 },
  { key: 'hours', level: 'service', width: 30 },
  { key: 'coverage', level: 'service', width: 26 },
  { key: 'status', level: 'service', width: 18 },
  { key: 'visibility', level: 'service', width: 18 },
  { key: 'capacityUnit', level: 'service', width: 12 },
  { key: 'capacityAvailable', level: 'service', width: 12 },
  { key: 'capacityMaximum', level: 'service', width: 12 },
  { key: 'locationId', level: 'location', width: 38 },
  { key: 'locationName', level: 'location', width: 28 },
  { key: 'region', level: 'location', width: 22 },
  { key: 'adminTwo', level: 'location', width: 20 },
  { key: 'city', level: 'location', width: 20 },
  { key: 'address', level: 'location', width: 30 },
  { key: 'latitude', level: 'location', width: 11 },
  { key: 'longitude', level: 'location', width: 11 },
  { key: 'confidential', level: 'location', width: 12 },
] as const;
export type TemplateColumnKey = (typeof TEMPLATE_COLUMNS)[number]['key'];

export const TEMPLATE_SHEET = 'Services';
export const TEMPLATE_NOTES_SHEET = 'Notes';
export const TEMPLATE_LISTS_SHEET = 'Listes';
export const TEMPLATE_FIRST_DATA_ROW = 3;

const fold = (s: string) => normaliseForSearch(s);
/** Splits a cell holding several values: semicolons or line breaks (labels may contain commas). */
export const splitList = (cell: string) => cell.split(/[;\n]+/).map((x) => x.trim()).filter(Boolean);
/** For cells of codes and numbers, commas separate too. */
export const splitCodes = (cell: string) => cell.split(/[;,\n]+/).map((x) => x.trim()).filter(Boolean);

export const COST_LABELS = { free: 'Gratuit', cost_shared: 'Participation aux frais', paid: 'Payant' } as const;
export const STATUS_LABELS = { active: 'Actif', inactive: 'Inactif', 'temporarily closed': 'Fermé temporairement', defunct: 'Fermé définitivement' } as const;
export const VISIBILITY_LABELS = { public: 'Public', members: 'Membres seulement' } as const;
export const UNIT_LABELS = { bed: 'Lits', place: 'Places' } as const;
export const YES = 'Oui';
export const NO = 'Non';

function byLabel<K extends string>(labels: Record<K, string>, extra: Record<string, K>, value: string): K | undefined {
  const v = fold(value);
  for (const [k, label] of Object.entries(labels) as [K, string][]) if (fold(label) === v || fold(k) === v) return k;
  return extra[v];
}
export const parseCost = (v: string) => byLabel(COST_LABELS, { gratuite: 'free', participation: 'cost_shared', 'cost shared': 'cost_shared', payante: 'paid' }, v);
export const parseStatus = (v: string) => byLabel(STATUS_LABELS, { active: 'active', ferme: 'defunct', closed: 'defunct' }, v);
export const parseVisibility = (v: string) => byLabel(VISIBILITY_LABELS, { membres: 'members', 'members only': 'members', tous: 'public' }, v);
export const parseUnit = (v: string) => byLabel(UNIT_LABELS, { lit: 'bed', beds: 'bed', place: 'place' }, v);
export function parseYesNo(v: string): boolean | undefined {
  const f = fold(v);
  if (['oui', 'o', 'yes', 'y', 'x', '1', 'true', 'vrai', 'ɔwɔ'].includes(f)) return true;
  if (['non', 'n', 'no', '0', 'false', 'faux', 'ayi'].includes(f)) return false;
  return undefined;
}

/** "Ségou (ML04)" for a region code: the name people know, the code that is unambiguous. */
export function regionLabel(pcode: string): string {
  const region = ADMIN1.find((r) => r.codes.some((c) => c.pcode === pcode));
  return region ? `${region.name} (${pcode})` : pcode;
}
export const REGION_CHOICES: readonly string[] = ADMIN1.flatMap((r) => r.codes.map((c) => `${r.name} (${c.pcode})`));

/** A region as a P-code ("ML04"), a label ("Ségou (ML04)") or a name ("Ségou", its current legacy code first). */
export function parseRegion(value: string, level: 'admin1' | 'any' = 'admin1'): string | undefined {
  const code = /\(([A-Z]{2}\d{2,4})\)\s*$/.exec(value)?.[1] ?? (/^[A-Za-z]{2}\d{2,4}$/.test(value.trim()) ? value.trim().toUpperCase() : undefined);
  if (code) {
    const l = adminLevel(code);
    return l === 1 || (l === 2 && level === 'any') ? code : undefined;
  }
  const region = ADMIN1.find((r) => fold(r.name) === fold(value));
  if (!region) return undefined;
  return (region.codes.find((c) => c.vintage === 'legacy') ?? region.codes[0])?.pcode;
}

const LANGUAGE_ALIASES: Record<string, string> = {
  francais: 'fr', french: 'fr', anglais: 'en', english: 'en', bambara: 'bm', bamanankan: 'bm', arabe: 'ar', arabic: 'ar', peul: 'ff', fulfulde: 'ff', pulaar: 'ff',
  moore: 'mos', mooré: 'mos', dioula: 'dyu', jula: 'dyu', julakan: 'dyu', songhai: 'ses', sonrai: 'ses', soninke: 'snk', tamasheq: 'tmh', haoussa: 'ha', hausa: 'ha', gulmancema: 'gux', gourmantche: 'gux',
};
/** A language by ISO code or by its usual name in French, English or the language itself. */
export function parseLanguage(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (/^[a-z]{2,3}$/.test(v) && (LANGUAGE_NAMES[v] || v.length === 3)) return v;
  const f = fold(value);
  const byName = Object.entries(LANGUAGE_NAMES).find(([, name]) => fold(name) === f)?.[0];
  return byName ?? LANGUAGE_ALIASES[f] ?? LANGUAGE_ALIASES[v];
}

const DAY_NAMES: Record<string, Weekday> = {};
const names: Record<Weekday, string[]> = {
  MO: ['lun', 'lundi', 'mon', 'monday', 'mo'],
  TU: ['mar', 'mardi', 'tue', 'tuesday', 'tu'],
  WE: ['mer', 'mercredi', 'wed', 'wednesday', 'we'],
  TH: ['jeu', 'jeudi', 'thu', 'thursday', 'th'],
  FR: ['ven', 'vendredi', 'fri', 'friday', 'fr'],
  SA: ['sam', 'samedi', 'sat', 'saturday', 'sa'],
  SU: ['dim', 'dimanche', 'sun', 'sunday', 'su'],
};
for (const [day, list] of Object.entries(names) as [Weekday, string[]][]) for (const n of list) DAY_NAMES[n] = day;
const FRENCH_DAY: Record<Weekday, string> = { MO: 'lun', TU: 'mar', WE: 'mer', TH: 'jeu', FR: 'ven', SA: 'sam', SU: 'dim' };

export interface Opening {
  days: Weekday[];
  opensAt: string;
  closesAt: string;
}

/**
 * Opening hours as partners write them: "lun-ven 08:00-17:00; sam 09:00-12:00" (French or
 * English day names, ranges with "-" or "à", lists with ","; "8h" or "8h30" for times).
 * Returns undefined when a part cannot be read.
 */
export function parseHours(cell: string): Opening[] | undefined {
  const out: Opening[] = [];
  for (const part of splitList(cell)) {
    const m = /^(.+?)\s+(\d{1,2})(?:[:h](\d{2}))?h?\s*(?:-|à|–|to)\s*(\d{1,2})(?:[:h](\d{2}))?h?$/i.exec(part.trim());
    if (!m) return undefined;
    const days = parseDays(m[1]!);
    if (!days) return undefined;
    const time = (h: string, mm: string | undefined) => `${h.padStart(2, '0')}:${mm ?? '00'}`;
    out.push({ days, opensAt: time(m[2]!, m[3]), closesAt: time(m[4]!, m[5]) });
  }
  return out;
}

function parseDays(text: string): Weekday[] | undefined {
  const days: Weekday[] = [];
  for (const token of text.split(/[,\s]+(?:et\s+)?/).filter(Boolean)) {
    const range = token.split(/-|–|\bà\b/).map((x) => DAY_NAMES[fold(x).replace(/\.$/, '')]);
    if (range.some((d) => d === undefined) || range.length > 2) return undefined;
    if (range.length === 1) days.push(range[0]!);
    else {
      const from = WEEKDAYS.indexOf(range[0]!);
      const to = WEEKDAYS.indexOf(range[1]!);
      if (to < from) return undefined;
      days.push(...WEEKDAYS.slice(from, to + 1));
    }
  }
  return days.length ? [...new Set(days)] : undefined;
}

/** Writes openings back as the template reads them. */
export function formatHours(openings: readonly Opening[]): string {
  return openings
    .map((o) => {
      const idx = o.days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
      const contiguous = idx.length > 2 && idx.every((d, i) => i === 0 || d === idx[i - 1]! + 1);
      const days = contiguous ? `${FRENCH_DAY[WEEKDAYS[idx[0]!]!]}-${FRENCH_DAY[WEEKDAYS[idx[idx.length - 1]!]!]}` : idx.map((d) => FRENCH_DAY[WEEKDAYS[d]!]).join(',');
      return `${days} ${o.opensAt}-${o.closesAt}`;
    })
    .join('; ');
}
