import { and, asc, eq } from 'drizzle-orm';
import { LANGUAGE_NAMES } from '../../../domain/directory/languages.ts';
import type { Weekday } from '../../../domain/directory/schedule.ts';
import { SERVICE_TYPES, type Labels, taxonomyId } from '../../../domain/directory/taxonomy.ts';
import { normaliseForSearch } from '../../../domain/directory/text.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import type { IconName } from '../../../web/ui/icons.tsx';
import type { DbOrTx } from '../../db/client.ts';
import { directoryTaxonomyTerms } from '../../db/schema/index.ts';
import { type ServiceBundle, loadServiceBundles } from '../bundle.ts';
import { publicPlaces } from '../hsds/presenter.ts';
import { searchServiceIds } from '../search.ts';
import { needIcon } from './pictograms.ts';
import type { PublicRegion } from './regions.ts';

/**
 * What the public directory and the leaflet show, and nothing more: the rule of `/hsds`
 * (members-only services and confidential places never leave), and only services that are
 * running today, since a closed door costs a migrant a day's travel.
 */
export interface Need {
  code: string;
  parentCode: string | null;
  label: Labels;
  icon: IconName;
}

export interface PublicPlace {
  name: string | null;
  street: string | null;
  city: string | null;
}

export interface PublicService {
  id: string;
  name: string;
  organisation: string;
  description: string | null;
  applicationProcess: string | null;
  needs: string[];
  places: PublicPlace[];
  phones: string[];
  openings: { days: Weekday[]; opensAt: string; closesAt: string }[];
  costs: { kind: string; amount: number | null; currency: string }[];
  /** Each language named in itself, with its code so a page can mark it (`lang`). */
  languages: { code: string; name: string }[];
}

/** Active service types, in taxonomy order; only top-level ones are offered as needs (a parent finds its children). */
export async function loadNeeds(db: DbOrTx): Promise<{ all: Need[]; top: Need[] }> {
  const rows = await db
    .select()
    .from(directoryTaxonomyTerms)
    .where(and(eq(directoryTaxonomyTerms.taxonomyId, taxonomyId(SERVICE_TYPES.key)), eq(directoryTaxonomyTerms.active, true)))
    .orderBy(asc(directoryTaxonomyTerms.position), asc(directoryTaxonomyTerms.code));
  const codeById = new Map(rows.map((r) => [r.id, r.code]));
  const all = rows.map((r) => {
    const parentCode = r.parentId ? (codeById.get(r.parentId) ?? null) : null;
    return { code: r.code, parentCode, label: (r.labels as { name: Labels }).name, icon: needIcon(r.code, parentCode) };
  });
  return { all, top: all.filter((n) => n.parentCode === null) };
}

export const needLabel = (need: Need, locale: Locale) => need.label[locale] || need.label.fr;

function present(b: ServiceBundle): PublicService {
  const s = b.service;
  return {
    id: s.id,
    name: s.name,
    organisation: b.organisation.acronym ? `${b.organisation.name} (${b.organisation.acronym})` : b.organisation.name,
    description: s.description,
    applicationProcess: s.applicationProcess,
    needs: b.attributes.filter((a) => a.linkType === 'service_type').map((a) => a.term.code),
    places: publicPlaces(b).map((p) => {
      const a = p.addresses[0];
      return { name: p.location.name, street: a ? [a.address1, a.address2].filter(Boolean).join(', ') || null : null, city: a?.city ?? null };
    }),
    phones: [...new Set([...b.phones, ...b.contacts.flatMap((c) => c.phones)].map((p) => p.number))],
    openings: b.schedules.filter((sc) => sc.freq === 'WEEKLY').map((sc) => ({ days: sc.byday.split(',') as Weekday[], opensAt: sc.opensAt, closesAt: sc.closesAt })),
    costs: b.costs.map((c) => ({ kind: c.kind, amount: c.amount === null ? null : Number(c.amount), currency: c.currency })),
    languages: b.languages.map((l) => ({ code: l.code, name: l.name ?? LANGUAGE_NAMES[l.code] ?? l.code })),
  };
}

export interface ServiceQuery {
  region: PublicRegion;
  need?: string;
  q?: string;
}

/** Public, active services of a region (any of its codes), for a need or all, by name. */
export async function findPublicServices(db: DbOrTx, query: ServiceQuery): Promise<PublicService[]> {
  const ids = new Set<string>();
  for (const pcode of query.region.pcodes) {
    const page = await searchServiceIds(db, { region: pcode, serviceType: query.need, q: query.q, publicOnly: true, statuses: ['active'] }, 'all');
    for (const id of page.ids) ids.add(id);
  }
  const services = (await loadServiceBundles(db, [...ids])).map(present);
  const key = (s: PublicService) => normaliseForSearch(s.name);
  return services.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
}

/** One public, active service; undefined for anything else, so a hidden one reads as missing. */
export async function findPublicService(db: DbOrTx, id: string): Promise<PublicService | undefined> {
  const [b] = await loadServiceBundles(db, [id]);
  return b && b.service.visibility === 'public' && b.service.status === 'active' ? present(b) : undefined;
}
