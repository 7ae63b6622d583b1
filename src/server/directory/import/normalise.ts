import { admin1Of } from '../../../domain/directory/geo.ts';
import type { CreateServiceInput } from '../../../domain/directory/schemas.ts';
import type { ServiceBundle } from '../bundle.ts';

/** A stored service as the input that would save it as it is: what an imported one is compared with. */
export function inputOfBundle(b: ServiceBundle): CreateServiceInput {
  const s = b.service;
  const codes = (linkType: string) => b.attributes.filter((a) => a.linkType === linkType).map((a) => a.term.code);
  return {
    serviceId: s.id,
    organisationId: s.organisationId,
    name: s.name,
    alternateName: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status as CreateServiceInput['status'],
    visibility: s.visibility as CreateServiceInput['visibility'],
    interpretationServices: s.interpretationServices,
    applicationProcess: s.applicationProcess,
    feesDescription: s.feesDescription,
    eligibilityDescription: s.eligibilityDescription,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    alert: s.alert,
    serviceTypes: codes('service_type'),
    targetGroups: codes('target_group'),
    languages: b.languages.map((l) => l.code),
    costs: b.costs.map((c) => ({ kind: c.kind as 'free', amount: c.amount === null ? null : Number(c.amount), description: c.amountDescription })),
    phones: b.phones.map((p) => ({ number: p.number, extension: p.extension, type: p.type as 'voice' | null, description: p.description, languages: p.languageCodes })),
    contacts: b.contacts.map((c) => ({ name: c.name, title: c.title, department: c.department, email: c.email, phone: c.phones[0]?.number ?? null })),
    schedules: b.schedules.map((x) => ({ days: x.byday.split(',') as CreateServiceInput['schedules'][number]['days'], opensAt: x.opensAt, closesAt: x.closesAt, notes: x.notes })),
    coverage: b.areas.map((a) => a.pcode),
    locations: b.places.map(({ location: l, addresses }) => {
      const a = addresses[0];
      return {
        id: l.id,
        locationType: l.locationType as 'physical',
        name: l.name,
        description: l.description,
        transportation: l.transportation,
        latitude: l.latitude,
        longitude: l.longitude,
        admin1Pcode: l.admin1Pcode,
        admin2Pcode: l.admin2Pcode,
        confidential: l.confidential,
        address: a ? { address1: a.address1, address2: a.address2, city: a.city, region: a.region, country: a.country as 'ML' } : null,
      };
    }),
    capacity: b.capacity ? { unit: b.capacity.unit as 'bed', available: b.capacity.available, maximum: b.capacity.maximum, description: b.capacity.description } : null,
  };
}

function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== null && x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, prune(x)]),
    );
  }
  return v;
}

/**
 * The form in which two inputs that would store the same rows are equal: absent and null
 * alike, lists the database keeps unordered sorted, what the save derives (an admin-1 from
 * its admin-2, no amount on a free service, each day once) derived here too.
 */
export function comparable(input: CreateServiceInput): string {
  const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();
  return JSON.stringify(
    prune({
      ...input,
      serviceTypes: sorted(input.serviceTypes),
      targetGroups: sorted(input.targetGroups),
      coverage: sorted(input.coverage),
      languages: [...new Set(input.languages)],
      costs: input.costs.map((c) => ({ ...c, amount: c.kind === 'free' ? null : c.amount })),
      schedules: input.schedules.map((s) => ({ ...s, days: [...new Set(s.days)] })),
      contacts: input.contacts.map((c) => ({ ...c, phone: c.phone || null })),
      locations: [...input.locations]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((l) => ({ ...l, admin1Pcode: l.admin1Pcode ?? (l.admin2Pcode ? admin1Of(l.admin2Pcode) : null) })),
    }),
  );
}

/**
 * Lays the template's columns over the stored service: what the template does not carry
 * (contacts, a phone's type and languages, hours' notes, a place's description…) is kept.
 */
export function overlay(existing: CreateServiceInput, sheet: Record<string, unknown>): Record<string, unknown> {
  const phones = Array.isArray(sheet.phones)
    ? (sheet.phones as { number: string }[]).map((p) => existing.phones.find((e) => e.number === p.number) ?? p)
    : existing.phones;
  const schedules = Array.isArray(sheet.schedules)
    ? (sheet.schedules as { days: string[]; opensAt: string; closesAt: string }[]).map((s) => {
        const same = existing.schedules.find((e) => e.days.join(',') === s.days.join(',') && e.opensAt === s.opensAt && e.closesAt === s.closesAt);
        return same ? { ...s, notes: same.notes } : s;
      })
    : existing.schedules;
  const locations = Array.isArray(sheet.locations)
    ? (sheet.locations as { id: string; address?: Record<string, unknown> | null }[]).map((l) => {
        const e = existing.locations.find((x) => x.id === l.id);
        if (!e) return l;
        const merged: Record<string, unknown> = { ...e, ...l, locationType: e.locationType };
        merged.address = l.address ? { ...(e.address ?? {}), ...l.address } : null;
        return merged;
      })
    : existing.locations;
  const costs = Array.isArray(sheet.costs) ? sheet.costs : existing.costs;
  return { ...existing, ...sheet, phones, schedules, locations, costs };
}
