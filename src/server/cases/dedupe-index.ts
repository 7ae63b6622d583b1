import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PersonIdentity, CaseStats } from '../../domain/cases/identity.ts';
import { blockingKeys } from '../../domain/dedupe/blocking.ts';
import { MATCH_THRESHOLD, smoothedFrequency } from '../../domain/dedupe/engine.ts';
import { type PersonInput, type PreparedPerson, phoneKey, preparePerson } from '../../domain/dedupe/person.ts';
import { scorePair } from '../../domain/dedupe/score.ts';
import type { BlindIndexer } from '../crypto/blind-index.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Tx } from '../db/client.ts';
import { caseBlindIndexes, cases, dedupeNameCounts } from '../db/schema/index.ts';
import { openIdentity } from './sealed-case.ts';

/**
 * Duplicate detection at registration, on the same engine as `sira dedupe` (decision 28),
 * without a name in clear in the database: a case's blocking keys are stored as blind indexes
 * (HMACs), name frequencies are counted per HMAC of the canonical name, and the few candidates
 * that share a key are decrypted in memory to be scored.
 */

/** Registers record estimated ages; the engine compares an estimated birth as year-only. */
function birthText(identity: PersonIdentity, at: Date): string | undefined {
  if (identity.dateOfBirth) return identity.dateOfBirth;
  if (identity.estimatedAge !== undefined) return String(at.getUTCFullYear() - identity.estimatedAge);
  return undefined;
}

const SEX_CODE: Record<string, string> = { female: 'F', male: 'M' };

/** One matcher input per name the person is known by: their name, then each alias as a given name. */
export function personInputs(id: string, identity: PersonIdentity, stats: Pick<CaseStats, 'sex' | 'nationality'>, at: Date): PersonInput[] {
  const base: PersonInput = {
    id,
    givenName: identity.givenName,
    familyName: identity.familyName,
    sex: SEX_CODE[stats.sex],
    dateOfBirth: birthText(identity, at),
    nationality: stats.nationality,
    placeOfOrigin: identity.placeOfOrigin,
    phone: identity.phone,
    motherName: identity.motherName,
  };
  return [base, ...identity.aliases.map((alias) => ({ ...base, givenName: alias }))];
}

/** A document number as compared: its type, and the number without spaces, dots, slashes or dashes, in capitals. */
export function documentValue(d: Pick<PersonIdentity['documents'][number], 'type' | 'number'>): string {
  return `${d.type}:${d.number.replace(/[\s./-]/g, '').toUpperCase()}`;
}

/** Every blind index of a person: blocking keys for all their names, phone, documents. */
export function blindIndexesOf(indexer: BlindIndexer, prepared: readonly PreparedPerson[], identity: PersonIdentity): { kind: string; hmac: string }[] {
  const out = new Map<string, { kind: string; hmac: string }>();
  const add = (kind: string, value: string) => {
    const hmac = indexer.hmac(kind, value);
    out.set(`${kind}:${hmac}`, { kind, hmac });
  };
  for (const p of prepared) for (const key of blockingKeys(p)) add('block', key);
  const phone = phoneKey(identity.phone);
  if (phone) add('phone', phone);
  for (const d of identity.documents) add('document', documentValue(d));
  return [...out.values()];
}

/** HMACs of the canonical names whose frequency the score needs. */
function nameHmacs(indexer: BlindIndexer, p: PreparedPerson): { kind: 'given' | 'family'; hmac: string }[] {
  const out: { kind: 'given' | 'family'; hmac: string }[] = [];
  if (p.given) out.push({ kind: 'given', hmac: indexer.hmac('name-given', p.given.canonical) });
  if (p.family) out.push({ kind: 'family', hmac: indexer.hmac('name-family', p.family.canonical) });
  return out;
}

const TOTAL = { kind: 'total', hmac: '' } as const;

async function bumpNameCounts(tx: Tx, rows: { kind: string; hmac: string }[], delta: 1 | -1): Promise<void> {
  for (const r of [...rows, TOTAL]) {
    await tx
      .insert(dedupeNameCounts)
      .values({ kind: r.kind, hmac: r.hmac, count: Math.max(delta, 0) })
      .onConflictDoUpdate({ target: [dedupeNameCounts.kind, dedupeNameCounts.hmac], set: { count: sql`greatest(${dedupeNameCounts.count} + ${delta}, 0)` } });
  }
  // A name nobody bears any more leaves no trace, not even its HMAC.
  if (delta < 0) for (const r of rows) await tx.delete(dedupeNameCounts).where(and(eq(dedupeNameCounts.kind, r.kind), eq(dedupeNameCounts.hmac, r.hmac), eq(dedupeNameCounts.count, 0)));
}

export async function indexCase(tx: Tx, indexer: BlindIndexer, caseId: string, identity: PersonIdentity, stats: Pick<CaseStats, 'sex' | 'nationality'>, at: Date): Promise<void> {
  const prepared = personInputs(caseId, identity, stats, at).map(preparePerson);
  const rows = blindIndexesOf(indexer, prepared, identity);
  if (rows.length) await tx.insert(caseBlindIndexes).values(rows.map((r) => ({ caseId, ...r }))).onConflictDoNothing();
  await bumpNameCounts(tx, nameHmacs(indexer, prepared[0]!), 1);
}

/** A merged or erased case is no longer a candidate, and its names no longer count. */
export async function unindexCase(tx: Tx, indexer: BlindIndexer, caseId: string, identity: PersonIdentity | null, stats: Pick<CaseStats, 'sex' | 'nationality'>, at: Date): Promise<void> {
  await tx.delete(caseBlindIndexes).where(eq(caseBlindIndexes.caseId, caseId));
  if (identity) await bumpNameCounts(tx, nameHmacs(indexer, preparePerson(personInputs(caseId, identity, stats, at)[0]!)), -1);
}

export interface DuplicateCandidate {
  caseId: string;
  organisationId: string;
  caseCode: string;
  score: number;
  /** At or above the engine's threshold: likely the same person; below: possibly. */
  likely: boolean;
}

/** Cases sharing the most keys are scored first; beyond this many a check says nothing more useful. */
const MAX_CANDIDATES = 30;

export async function findDuplicateCandidates(
  tx: Tx,
  box: SecretBox,
  indexer: BlindIndexer,
  identity: PersonIdentity,
  stats: Pick<CaseStats, 'sex' | 'nationality'>,
  at: Date,
  options: { excludeCaseId?: string; reportFrom?: number } = {},
): Promise<DuplicateCandidate[]> {
  const inputs = personInputs('new', identity, stats, at);
  const mine = inputs.map(preparePerson);
  const keys = blindIndexesOf(indexer, mine, identity);
  if (keys.length === 0) return [];
  // A person typed again shares several keys with their record, or an exact phone or document;
  // a stranger with a common name usually shares one. Those come first, and only so many are
  // decrypted and scored: in a large register, not every namesake.
  const shared = await tx
    .select({ caseId: caseBlindIndexes.caseId })
    .from(caseBlindIndexes)
    .where(sql`(${caseBlindIndexes.kind}, ${caseBlindIndexes.hmac}) in (${sql.join(keys.map((k) => sql`(${k.kind}, ${k.hmac})`), sql`, `)})`)
    .groupBy(caseBlindIndexes.caseId)
    .orderBy(sql`bool_or(${caseBlindIndexes.kind} <> 'block') desc, count(*) desc`)
    .limit(MAX_CANDIDATES);
  const ids = shared.map((s) => s.caseId).filter((id) => id !== options.excludeCaseId);
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: cases.id, organisationId: cases.organisationId, caseCode: cases.caseCode, dataKey: cases.dataKey, identity: cases.identity, sex: cases.sex, nationality: cases.nationality, registeredAt: cases.registeredAt })
    .from(cases)
    .where(and(inArray(cases.id, ids), eq(cases.status, 'open')));
  const theirs = rows.map((row) => ({ row, people: personInputs(row.id, openIdentity(box, row), { sex: row.sex as never, nationality: row.nationality ?? undefined }, row.registeredAt).map(preparePerson) }));
  const frequency = await frequencies(tx, indexer, [...mine, ...theirs.flatMap((t) => t.people)]);
  const reportFrom = options.reportFrom ?? MATCH_THRESHOLD - 4;
  const out: DuplicateCandidate[] = [];
  for (const { row, people } of theirs) {
    let best = -Infinity;
    for (const a of mine) for (const b of people) best = Math.max(best, scorePair(a, b, frequency.given, frequency.family).score);
    if (best >= reportFrom) out.push({ caseId: row.id, organisationId: row.organisationId, caseCode: row.caseCode, score: best, likely: best >= MATCH_THRESHOLD });
  }
  return out.sort((x, y) => y.score - x.score);
}

async function frequencies(tx: Tx, indexer: BlindIndexer, people: readonly PreparedPerson[]) {
  const wanted = new Map<string, { kind: string; hmac: string; canonical: string }>();
  for (const p of people) {
    if (p.given) wanted.set(`given:${p.given.canonical}`, { kind: 'given', hmac: indexer.hmac('name-given', p.given.canonical), canonical: p.given.canonical });
    if (p.family) wanted.set(`family:${p.family.canonical}`, { kind: 'family', hmac: indexer.hmac('name-family', p.family.canonical), canonical: p.family.canonical });
  }
  const keys = [...wanted.values(), { ...TOTAL, canonical: '' }];
  const rows = await tx
    .select()
    .from(dedupeNameCounts)
    .where(sql`(${dedupeNameCounts.kind}, ${dedupeNameCounts.hmac}) in (${sql.join(keys.map((k) => sql`(${k.kind}, ${k.hmac})`), sql`, `)})`);
  const count = new Map(rows.map((r) => [`${r.kind}:${r.hmac}`, r.count]));
  const total = count.get('total:') ?? 0;
  const byName = new Map([...wanted.values()].map((w) => [`${w.kind}:${w.canonical}`, count.get(`${w.kind}:${w.hmac}`) ?? 0]));
  return {
    given: (c: string) => smoothedFrequency(byName.get(`given:${c}`) ?? 0, total),
    family: (c: string) => smoothedFrequency(byName.get(`family:${c}`) ?? 0, total),
  };
}

