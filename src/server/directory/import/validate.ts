import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ImportProblem, ImportProblemCode } from '../../../domain/directory/import-problems.ts';
import { type CreateServiceInput, createServiceInput } from '../../../domain/directory/schemas.ts';
import type { Actor } from '../../../domain/identity/actor.ts';
import { can } from '../../../domain/policies/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import { directoryLocations } from '../../db/schema/index.ts';
import type { Candidate, InputPath, PathProblem } from './candidate.ts';
import type { Reference } from './reference.ts';

export interface Checked {
  candidate: Candidate;
  input?: CreateServiceInput;
  problems: ImportProblem[];
}

const last = (path: InputPath) => String(path[path.length - 1] ?? '');
const under = (path: InputPath, field: string) => path.map(String).includes(field);

/** A zod issue as one of the import's problem codes, worded for a person filling a sheet. */
function codeOf(issue: z.core.$ZodIssue): ImportProblemCode {
  const field = last(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'required';
      return issue.expected === 'number' ? 'notANumber' : 'invalid';
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return 'required';
      return 'outOfRange';
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' ? 'tooMany' : 'outOfRange';
    case 'invalid_format':
      if (issue.format === 'email') return 'invalidEmail';
      if (issue.format === 'uuid') return 'invalidId';
      if (issue.format === 'url') return 'invalidUrl';
      if (field === 'number' || field === 'phone' || under(issue.path, 'phones')) return 'invalidPhone';
      if (field === 'opensAt' || field === 'closesAt') return 'invalidTime';
      if (under(issue.path, 'languages')) return 'unknownLanguage';
      return 'invalid';
    case 'invalid_value':
      if (field === 'kind') return 'unknownCost';
      if (field === 'status') return 'unknownStatus';
      if (field === 'visibility') return 'unknownVisibility';
      if (field === 'country') return 'unknownCountry';
      if (under(issue.path, 'days')) return 'invalidHours';
      return 'invalid';
    case 'custom': {
      const code = issue.params?.code;
      if (code === 'unknown_pcode' || code === 'admin2_outside_admin1') return 'unknownRegion';
      if (code === 'free_has_no_amount') return 'freeWithAmount';
      if (code === 'ages_out_of_order') return 'agesReversed';
      if (code === 'closes_before_opens') return 'closesBeforeOpens';
      return 'outOfRange';
    }
    default:
      return 'invalid';
  }
}

/** A value worth quoting back: short text the person typed, never a whole object. */
function quoted(issue: z.core.$ZodIssue): Record<string, string> | undefined {
  const v = (issue as { input?: unknown }).input;
  return typeof v === 'string' || typeof v === 'number' ? { value: String(v).slice(0, 80) } : undefined;
}

const related = (a: InputPath, b: InputPath) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((x, i) => String(x) === String(b[i]));
};

/**
 * Checks every candidate against the command's own schema and against the database
 * (organisation, permission, terms, places of another organisation, ids repeated in the
 * file), and collects every problem: nothing stops at the first.
 */
export async function checkCandidates(db: DbOrTx, candidates: { candidate: Candidate; input: Record<string, unknown> }[], ref: Reference, actor: Actor, owners: ReadonlyMap<string, string>): Promise<Checked[]> {
  const locationIds = [...new Set(candidates.flatMap(({ input }) => (Array.isArray(input.locations) ? input.locations : []).map((l) => (l as { id?: unknown }).id).filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))))];
  const storedOwner = new Map<string, string>();
  for (let i = 0; i < locationIds.length; i += 500) {
    const rows = await db.select({ id: directoryLocations.id, organisationId: directoryLocations.organisationId }).from(directoryLocations).where(inArray(directoryLocations.id, locationIds.slice(i, i + 500)));
    for (const r of rows) storedOwner.set(r.id, r.organisationId);
  }
  const seenServices = new Map<string, number>();
  const fileOwner = new Map<string, string>();

  return candidates.map(({ candidate, input }, index) => {
    const found: PathProblem[] = [...candidate.problems];
    const add = (p: PathProblem) => {
      if (!candidate.problems.some((pre) => related(pre.path, p.path))) found.push(p);
    };
    const parsed = createServiceInput.safeParse(input, { reportInput: true });
    if (!parsed.success) for (const issue of parsed.error.issues) add({ path: issue.path, code: codeOf(issue), params: quoted(issue) });
    const data = parsed.success ? parsed.data : undefined;
    const orgId = typeof input.organisationId === 'string' ? input.organisationId : undefined;
    const serviceId = typeof input.serviceId === 'string' ? input.serviceId.toLowerCase() : undefined;
    if (orgId && !ref.organisationIds.has(orgId)) add({ path: ['organisationId'], code: 'unknownOrganisation', params: { value: orgId } });
    else if (orgId && !can(actor, 'service.manage', { organisationId: orgId })) add({ path: ['organisationId'], code: 'organisationNotAllowed' });
    if (serviceId && orgId && owners.has(serviceId) && owners.get(serviceId) !== orgId) add({ path: ['organisationId'], code: 'otherOrganisation' });
    if (serviceId) {
      if (seenServices.has(serviceId)) add({ path: ['serviceId'], code: 'duplicateService', params: { row: String(seenServices.get(serviceId)) } });
      else seenServices.set(serviceId, candidate.locate(['serviceId']).row ?? index + 1);
    }
    for (const [field, linkType, code] of [['serviceTypes', 'service_type', 'unknownServiceType'], ['targetGroups', 'target_group', 'unknownTargetGroup']] as const) {
      const codes = Array.isArray(input[field]) ? (input[field] as unknown[]) : [];
      codes.forEach((c, i) => {
        if (typeof c === 'string' && c !== '' && !ref.activeCodes[linkType].has(c)) add({ path: [field, i], code, params: { value: c } });
      });
    }
    const locations = Array.isArray(input.locations) ? (input.locations as { id?: unknown }[]) : [];
    locations.forEach((l, i) => {
      if (typeof l.id !== 'string' || !orgId) return;
      const owner = storedOwner.get(l.id) ?? fileOwner.get(l.id);
      if (owner && owner !== orgId) add({ path: ['locations', i, 'id'], code: 'locationOfOtherOrganisation' });
      else fileOwner.set(l.id, orgId);
    });

    const problems = dedupe(found.map((p) => ({ ...candidate.locate(p.path), code: p.code, ...(p.params ? { params: p.params } : {}) })));
    return { candidate, input: problems.length === 0 ? data : undefined, problems };
  });
}

export function dedupe(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.sheet}|${p.row}|${p.column}|${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
