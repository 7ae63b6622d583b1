import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/identity/actor.ts';
import { can } from '../../domain/policies/policy.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Lookup } from '../db/rows.ts';
import { organisations } from '../db/schema/index.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

/** Scoped list: what this actor may list. Every signed-in member sees the partner list. */
export async function listOrganisations(db: DbOrTx, actor: Actor): Promise<OrganisationRow[]> {
  if (!can(actor, 'organisation.list')) return [];
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

/** A record the actor may not see is reported exactly like one that does not exist. */
export async function findOrganisation(db: DbOrTx, actor: Actor, id: string): Promise<OrganisationRow | undefined> {
  const found = await lookupOrganisation(db, actor, id);
  return found.state === 'found' ? found.row : undefined;
}

/** The same, telling a refusal from an absence, for routes that audit refusals. */
export async function lookupOrganisation(db: DbOrTx, actor: Actor, id: string): Promise<Lookup<OrganisationRow>> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) return { state: 'missing' };
  return can(actor, 'organisation.read', { id: row.id }) ? { state: 'found', row } : { state: 'hidden', row };
}
