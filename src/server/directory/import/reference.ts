import { LINK_TYPES, type Labels, type ServiceLinkType, taxonomyId } from '../../../domain/directory/taxonomy.ts';
import { normaliseForSearch } from '../../../domain/directory/text.ts';
import type { DbOrTx } from '../../db/client.ts';
import { directoryTaxonomyTerms, organisations } from '../../db/schema/index.ts';
import type { TermCodes } from './from-hsds.ts';

/** What a file's names and codes are checked against: the organisations and the taxonomy terms. */
export interface Reference {
  organisationIds: ReadonlySet<string>;
  /** An organisation by id, name or acronym (case and accents ignored). */
  findOrganisation(text: string): { id: string; name: string } | undefined;
  /** The code of an active term by code or label in any language; undefined when unknown. */
  termCode(linkType: ServiceLinkType, text: string): string | undefined;
  /** Active codes by link type. */
  activeCodes: Record<ServiceLinkType, ReadonlySet<string>>;
  termCodes: TermCodes;
}

export async function loadReference(db: DbOrTx): Promise<Reference> {
  const orgs = await db.select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym }).from(organisations);
  const terms = await db.select().from(directoryTaxonomyTerms);
  const fold = normaliseForSearch;
  const linkTypeOf = new Map(Object.entries(LINK_TYPES).map(([linkType, key]) => [taxonomyId(key), linkType as ServiceLinkType]));
  const byLabel = new Map<string, string>();
  const activeCodes: Record<ServiceLinkType, Set<string>> = { service_type: new Set(), target_group: new Set() };
  const termCodes = new Map<string, { linkType: string; code: string }>();
  for (const t of terms) {
    const linkType = linkTypeOf.get(t.taxonomyId);
    if (!linkType) continue;
    termCodes.set(t.id, { linkType, code: t.code });
    if (!t.active) continue;
    activeCodes[linkType].add(t.code);
    const labels = (t.labels as { name?: Partial<Labels> }).name ?? {};
    for (const label of [t.code, t.name, labels.fr, labels.en, labels.bm]) if (label) byLabel.set(`${linkType}:${fold(label)}`, t.code);
  }
  return {
    organisationIds: new Set(orgs.map((o) => o.id)),
    findOrganisation(text) {
      const f = fold(text);
      return orgs.find((o) => o.id === text.trim().toLowerCase()) ?? orgs.find((o) => fold(o.name) === f) ?? orgs.find((o) => o.acronym !== null && fold(o.acronym) === f);
    },
    termCode: (linkType, text) => byLabel.get(`${linkType}:${fold(text)}`),
    activeCodes,
    termCodes,
  };
}
