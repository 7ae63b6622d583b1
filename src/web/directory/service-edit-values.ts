import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { WEEKDAYS, type Weekday } from '../../domain/directory/schedule.ts';
import type { CostKind, ServiceFields } from '../../domain/directory/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { type MessageKey, translate } from '../../domain/i18n/translate.ts';
import { issueMessage } from '../validation/zod-messages.ts';
import type { ServiceDetail } from './service-edit-api.ts';

/**
 * What the service form holds: text boxes hold strings, so numbers and empty answers are
 * turned into the command's input by `toInput` before the shared zod schema checks them.
 * Every field a person edits sits at the same path as in the command's input
 * (`phones.0.number`, `locations.1.address.city`), so the schema's issues and the server's
 * error details land next to the right field. Opening hours are one row per day here and
 * merged back into HSDS schedules (several days each) when sent.
 */
export interface PhoneRow {
  number: string;
  extension?: number | null;
  type?: string | null;
  description?: string | null;
  languages?: string[];
}
export interface HoursRow {
  day: Weekday;
  opensAt: string;
  closesAt: string;
  notes: string | null;
}
export interface CostRow {
  kind: CostKind;
  amount: string;
  description: string | null;
}
export interface LocationRow {
  id: string;
  locationType: 'physical' | 'postal' | 'virtual';
  name: string;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  admin1Pcode: string;
  admin2Pcode: string | null;
  confidential: boolean;
  address: { address1: string; address2: string | null; city: string; region: string | null; country: string };
}
export interface CapacityValues {
  unit: 'bed' | 'place';
  available: string;
  maximum: string;
  description: string | null;
}
/** Fields of the entry this form does not show: sent back as they were. */
export type KeptFields = Pick<
  ServiceFields,
  'alternateName' | 'url' | 'status' | 'visibility' | 'interpretationServices' | 'applicationProcess' | 'feesDescription' | 'eligibilityDescription' | 'minimumAge' | 'maximumAge' | 'alert' | 'contacts'
>;

export interface ServiceFormValues {
  name: string;
  description: string;
  email: string;
  serviceTypes: string[];
  targetGroups: string[];
  languages: string[];
  coverage: string[];
  costs: CostRow[];
  phones: PhoneRow[];
  schedules: HoursRow[];
  locations: LocationRow[];
  capacity: CapacityValues;
  kept: KeptFields;
}

/** What the schema hands to the save: the update's input, plus the organisation when creating. */
export type ServiceOutput = ServiceFields & { organisationId?: string };
export type ServiceForm = UseFormReturn<ServiceFormValues, unknown, ServiceOutput>;

const orNull = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s);
/** An empty box is "no value"; anything else goes to the schema as a number, which then judges it. */
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(/\s/g, '')));
/** A single checkbox reports a boolean or a string rather than a list. */
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

export function emptyLocation(id: string, country: string): LocationRow {
  return {
    id,
    locationType: 'physical',
    name: '',
    description: null,
    transportation: null,
    latitude: null,
    longitude: null,
    admin1Pcode: '',
    admin2Pcode: null,
    confidential: false,
    address: { address1: '', address2: null, city: '', region: null, country },
  };
}

export function emptyValues(): ServiceFormValues {
  return {
    name: '',
    description: '',
    email: '',
    serviceTypes: [],
    targetGroups: [],
    languages: ['fr'],
    coverage: [],
    costs: [{ kind: 'free', amount: '', description: null }],
    phones: [{ number: '' }],
    schedules: [],
    locations: [],
    capacity: { unit: 'place', available: '', maximum: '', description: null },
    kept: { status: 'active', visibility: 'public', contacts: [] },
  };
}

/** An empty phone box left at the end means "no more numbers"; earlier ones keep their place so messages stay on their row. */
function withoutTrailingBlanks(phones: readonly PhoneRow[]): PhoneRow[] {
  let end = phones.length;
  while (end > 0 && (phones[end - 1]?.number ?? '').trim() === '') end--;
  return phones.slice(0, end);
}

/** The entry as the form shows it: one hours row per day, in the week's order. */
export function valuesFromDetail(s: ServiceDetail): ServiceFormValues {
  const schedules = s.schedules
    .flatMap((sc) => sc.days.map((day) => ({ day, opensAt: sc.opensAt, closesAt: sc.closesAt, notes: sc.notes })))
    .sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.opensAt.localeCompare(b.opensAt));
  return {
    name: s.name,
    description: s.description ?? '',
    email: s.email ?? '',
    serviceTypes: s.serviceTypes,
    targetGroups: s.targetGroups,
    languages: s.languages,
    coverage: s.coverage,
    costs: s.costs.map((c) => ({ kind: c.kind, amount: c.amount == null ? '' : String(c.amount), description: c.description })),
    phones: s.phones.map((p) => ({ number: p.number, extension: p.extension, type: p.type, description: p.description, languages: p.languages })),
    schedules,
    locations: s.locations.map((l) => ({
      id: l.id,
      locationType: l.locationType,
      name: l.name ?? '',
      description: l.description,
      transportation: l.transportation,
      latitude: l.latitude,
      longitude: l.longitude,
      admin1Pcode: l.admin1Pcode ?? '',
      admin2Pcode: l.admin2Pcode,
      confidential: l.confidential,
      address: l.address
        ? { address1: l.address.address1 ?? '', address2: l.address.address2, city: l.address.city, region: l.address.region, country: l.address.country }
        : { address1: '', address2: null, city: '', region: null, country: '' },
    })),
    capacity: s.capacity
      ? { unit: s.capacity.unit, available: String(s.capacity.available), maximum: s.capacity.maximum == null ? '' : String(s.capacity.maximum), description: s.capacity.description }
      : { unit: 'place', available: '', maximum: '', description: null },
    kept: {
      alternateName: s.alternateName,
      url: s.url,
      status: s.status,
      visibility: s.visibility,
      interpretationServices: s.interpretationServices,
      applicationProcess: s.applicationProcess,
      feesDescription: s.feesDescription,
      eligibilityDescription: s.eligibilityDescription,
      minimumAge: s.minimumAge,
      maximumAge: s.maximumAge,
      alert: s.alert,
      contacts: s.contacts,
    },
  };
}

/** The command's input, before the schema judges it (rows still one per day). */
export function toInput(v: ServiceFormValues): Record<string, unknown> {
  const available = v.capacity.available.trim();
  const maximum = v.capacity.maximum.trim();
  return {
    ...v.kept,
    name: v.name,
    description: orNull(v.description),
    email: orNull(v.email),
    serviceTypes: list(v.serviceTypes),
    targetGroups: list(v.targetGroups),
    languages: list(v.languages),
    coverage: list(v.coverage),
    costs: v.costs.map((c) => ({ kind: c.kind, amount: c.kind === 'free' ? null : numberOrNull(c.amount), description: orNull(c.description) })),
    phones: withoutTrailingBlanks(v.phones).map((p) => ({ number: p.number, extension: p.extension ?? null, type: p.type ?? null, description: orNull(p.description), languages: p.languages ?? [] })),
    schedules: v.schedules.map((h) => ({ days: [h.day], opensAt: h.opensAt, closesAt: h.closesAt, notes: orNull(h.notes) })),
    locations: v.locations.map((l) => {
      const a = l.address;
      const noAddress = a.address1.trim() === '' && a.city.trim() === '' && !orNull(a.address2);
      return {
        id: l.id,
        locationType: l.locationType,
        name: orNull(l.name),
        description: l.description,
        transportation: l.transportation,
        latitude: l.latitude,
        longitude: l.longitude,
        admin1Pcode: orNull(l.admin1Pcode),
        admin2Pcode: l.admin2Pcode && l.admin1Pcode && l.admin2Pcode.startsWith(l.admin1Pcode) ? l.admin2Pcode : null,
        confidential: Boolean(l.confidential),
        address: noAddress ? null : { address1: a.address1, address2: orNull(a.address2), city: a.city, region: orNull(a.region), country: a.country },
      };
    }),
    capacity:
      available === '' && maximum === ''
        ? null
        : { unit: v.capacity.unit, available: numberOrNull(available), maximum: numberOrNull(maximum), description: orNull(v.capacity.description) },
  };
}

/** Rows of one day each, merged into HSDS schedules: the same hours on several days become one. */
export function mergeSchedules(rows: ServiceFields['schedules']): ServiceFields['schedules'] {
  const merged: ServiceFields['schedules'] = [];
  for (const row of rows) {
    const same = merged.find((m) => m.opensAt === row.opensAt && m.closesAt === row.closesAt && (m.notes ?? null) === (row.notes ?? null));
    if (same) same.days = [...new Set([...same.days, ...row.days])].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
    else merged.push({ ...row, days: [...row.days] });
  }
  return merged;
}

const SCALAR_LISTS = new Set(['serviceTypes', 'targetGroups', 'languages', 'coverage']);

/** Where the form shows an input path's message: a ticked list as a whole, a day's row by its day. */
export function fieldPath(segments: readonly string[]): string {
  if (segments[0] && SCALAR_LISTS.has(segments[0])) return segments[0];
  if (segments[0] === 'schedules' && segments[2] === 'days') return `schedules.${segments[1]}.day`;
  return segments.join('.');
}

/** The paths the form shows a message at; the server's others go to the message above the form. */
const SHOWN = [
  /^(name|description|email|serviceTypes|targetGroups|languages|coverage)$/,
  /^costs\.\d+\.(kind|amount)$/,
  /^phones\.\d+\.number$/,
  /^schedules\.\d+\.(day|opensAt|closesAt)$/,
  /^locations\.\d+\.(name|admin1Pcode|address\.(address1|city|country))$/,
  /^capacity\.(unit|available|maximum)$/,
];
export const isShownField = (path: string) => SHOWN.some((re) => re.test(path));

/** A server detail's field, or nothing when the form cannot point at one (hours were merged before sending). */
export function serverFieldPath(detailPath: string): string | undefined {
  if (!detailPath.startsWith('input.')) return undefined;
  const path = fieldPath(detailPath.slice('input.'.length).split('.'));
  if (path.startsWith('schedules.')) return undefined;
  return isShownField(path) ? path : undefined;
}

/** The refinements' messages are English developer notes in the schema: the form says them in the person's words. */
function refinementKey(path: string): MessageKey {
  if (/^schedules\.\d+\.closesAt$/.test(path)) return 'serviceEdit.hours.closesBeforeOpens';
  if (/^costs\.\d+\.amount$/.test(path)) return 'serviceEdit.cost.freeHasNoAmount';
  if (path === 'capacity.available') return 'serviceEdit.capacity.aboveMaximum';
  return 'validation.invalid_value';
}

export function issueText(locale: Locale, issue: z.core.$ZodIssue, path: string): string {
  if (issue.code === 'custom') return translate(locale, refinementKey(path));
  return issueMessage(locale, issue as unknown as z.core.$ZodRawIssue);
}

/**
 * Validates with the shared input schema (the same the server runs), with messages in the
 * person's language. `extra` adds what the form does not hold (the service's id, its organisation).
 */
export function serviceResolver(schema: z.ZodType<ServiceOutput>, locale: Locale, extra: Record<string, unknown>): Resolver<ServiceFormValues, unknown, ServiceOutput> {
  return async (values, _context, options) => {
    const parsed = schema.safeParse({ ...toInput(values), ...extra }, { reportInput: true });
    if (parsed.success) return { values: parsed.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const path = fieldPath(issue.path.map(String));
      flat[path] ??= { type: issue.code, message: issueText(locale, issue, path) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
