import { type Weekday, isOpenAt } from '../../domain/directory/schedule.ts';
import type { CostKind, ServiceStatus } from '../../domain/directory/schemas.ts';
import type { ServiceDetailView, ServiceSummaryView, TaxonomyView } from '../../domain/directory/views.ts';
import type { Labels } from '../../domain/directory/taxonomy.ts';
import type { ScheduleRow, ServiceBundle, TermRow } from './bundle.ts';

/** The moment before which an entry's last verification makes it stale. */
export function staleCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

const openings = (schedules: ScheduleRow[]) => schedules.filter((s) => s.freq === 'WEEKLY').map((s) => ({ days: s.byday.split(',') as Weekday[], opensAt: s.opensAt, closesAt: s.closesAt }));
const codes = (b: ServiceBundle, linkType: string) => b.attributes.filter((a) => a.linkType === linkType).map((a) => a.term.code);

export interface PresentOptions {
  now: Date;
  staleBefore: Date;
}

export function presentServiceSummary(b: ServiceBundle, o: PresentOptions): ServiceSummaryView {
  const s = b.service;
  return {
    id: s.id,
    name: s.name,
    organisation: { id: b.organisation.id, name: b.organisation.name, acronym: b.organisation.acronym },
    status: s.status as ServiceStatus,
    serviceTypes: codes(b, 'service_type'),
    targetGroups: codes(b, 'target_group'),
    costKinds: [...new Set(b.costs.map((c) => c.kind as CostKind))],
    languages: b.languages.map((l) => l.code),
    coverage: b.areas.map((a) => a.pcode),
    cities: [...new Set(b.places.flatMap((p) => p.addresses.map((a) => a.city)))],
    phone: b.phones[0]?.number ?? null,
    openNow: isOpenAt(openings(b.schedules), o.now),
    lastVerifiedAt: s.lastVerifiedAt?.toISOString() ?? null,
    stale: s.lastVerifiedAt === null || s.lastVerifiedAt < o.staleBefore,
  };
}

/** Everything a caseworker needs to call or refer; a confidential place's street address only to those who keep the entry. */
export function presentServiceDetail(b: ServiceBundle, o: PresentOptions & { canEdit: boolean }): ServiceDetailView {
  const s = b.service;
  return {
    ...presentServiceSummary(b, o),
    alternateName: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    visibility: s.visibility as 'public' | 'members',
    interpretationServices: s.interpretationServices,
    applicationProcess: s.applicationProcess,
    feesDescription: s.feesDescription,
    eligibilityDescription: s.eligibilityDescription,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    alert: s.alert,
    costs: b.costs.map((c) => ({ kind: c.kind as CostKind, amount: c.amount === null ? null : Number(c.amount), currency: c.currency, description: c.amountDescription })),
    phones: b.phones.map((p) => ({ number: p.number, extension: p.extension, type: p.type, description: p.description, languages: p.languageCodes })),
    contacts: b.contacts.map((c) => ({ name: c.name, title: c.title, department: c.department, email: c.email, phone: c.phones[0]?.number ?? null })),
    schedules: b.schedules.map((sc) => ({ days: sc.byday.split(',') as Weekday[], opensAt: sc.opensAt, closesAt: sc.closesAt, notes: sc.notes })),
    locations: b.places.map(({ location: l, addresses }) => {
      const a = addresses[0];
      // A safe house's whereabouts go to its keepers only; others refer through the provider, who gives the address.
      const hidden = l.confidential && !o.canEdit;
      return {
        id: l.id,
        locationType: l.locationType as 'physical' | 'postal' | 'virtual',
        name: l.name,
        description: l.description,
        transportation: hidden ? null : l.transportation,
        latitude: hidden ? null : l.latitude,
        longitude: hidden ? null : l.longitude,
        admin1Pcode: l.admin1Pcode,
        admin2Pcode: l.admin2Pcode,
        confidential: l.confidential,
        address: a
          ? { address1: hidden ? null : a.address1, address2: hidden ? null : a.address2, city: a.city, region: a.region, stateProvince: a.stateProvince, country: a.country }
          : null,
      };
    }),
    capacity: b.capacity
      ? { unit: b.capacity.unit as 'bed' | 'place', available: b.capacity.available, maximum: b.capacity.maximum, description: b.capacity.description, updatedAt: b.capacity.updatedAt.toISOString() }
      : null,
    updatedAt: s.updatedAt.toISOString(),
    canEdit: o.canEdit,
  };
}

export function presentTaxonomy(
  taxonomy: { id: string; key: string; labels: unknown; version: string | null },
  terms: TermRow[],
): TaxonomyView {
  const codeById = new Map(terms.map((t) => [t.id, t.code]));
  const l = taxonomy.labels as { name: Labels; description: Labels };
  return {
    id: taxonomy.id,
    key: taxonomy.key,
    name: l.name,
    description: l.description,
    version: taxonomy.version,
    terms: terms.map((t) => {
      const tl = t.labels as { name: Labels; description: Labels };
      return { id: t.id, code: t.code, parentCode: t.parentId ? (codeById.get(t.parentId) ?? null) : null, name: tl.name, description: tl.description, active: t.active };
    }),
  };
}
