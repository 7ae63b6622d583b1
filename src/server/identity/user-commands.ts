import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type ErrorDetail, SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import { type RoleKey } from '../../domain/identity/roles.ts';
import { createUserInput, updateUserInput, userIdInput } from '../../domain/identity/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { HiddenRecordError } from '../audit/denied.ts';
import { type CommandContext, defineCommand } from '../commands/define.ts';
import type { DbOrTx } from '../db/client.ts';
import { organisations, sessions, users } from '../db/schema/index.ts';
import { isCommonPassword } from './common-passwords.ts';
import { hashPassword } from './passwords.ts';
import { loadRoleDefinitions } from './roles.ts';

type UserRow = typeof users.$inferSelect;

/**
 * Loads the target account as the actor may see it. Someone who may not even read it is
 * told it does not exist; someone who may read but not manage it is refused.
 */
export async function loadManagedUser(tx: DbOrTx, actor: Actor, userId: string): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new SiraError('NOT_FOUND');
  if (!can(actor, 'user.read', { userId: user.id, organisationId: user.organisationId })) throw new HiddenRecordError({ type: 'user', id: user.id });
  if (!can(actor, 'user.manage', { userId: user.id, organisationId: user.organisationId, roles: user.roles })) throw new SiraError('FORBIDDEN');
  return user;
}

/** Every role must exist (default or custom), and the actor must be allowed to grant them. */
async function checkRoles(ctx: CommandContext, organisationId: string, roles: readonly RoleKey[]): Promise<void> {
  const known = await loadRoleDefinitions(ctx.tx);
  const unknown: ErrorDetail[] = roles.flatMap((r, i) => (known.has(r) ? [] : [{ path: `input.roles.${i}`, code: 'unknown_role' }]));
  if (unknown.length) throw new SiraError('VALIDATION_FAILED', unknown);
  if (!can(ctx.actor, 'user.assign_roles', { organisationId, roles })) throw new SiraError('FORBIDDEN');
}

export function refuseCommonPassword(password: string, path: string): void {
  if (isCommonPassword(password)) throw new SiraError('VALIDATION_FAILED', [{ path, code: 'common_password' }]);
}

/** Revoking every session takes effect at the next request: sessions are checked each time. */
export async function revokeAllSessions(tx: DbOrTx, userId: string, now: Date): Promise<void> {
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export const createUser = defineCommand({
  name: 'user.create',
  summary: 'Create a staff account in an organisation, with its roles there.',
  input: createUserInput,
  result: z.object({ userId: z.uuid() }),
  async authorize(ctx, input) {
    const [org] = await ctx.tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw new SiraError('NOT_FOUND');
    if (!can(ctx.actor, 'user.create', { organisationId: org.id })) throw new SiraError('FORBIDDEN');
    await checkRoles(ctx, org.id, input.roles);
  },
  async handle({ tx, now }, input) {
    refuseCommonPassword(input.password, 'input.password');
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new SiraError('EMAIL_TAKEN', [{ path: 'input.email', code: 'taken' }]);
    await tx.insert(users).values({
      id: input.userId,
      email: input.email,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      organisationId: input.organisationId,
      roles: input.roles,
      locale: input.locale,
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    });
    return {
      result: { userId: input.userId },
      // Field names only; the password is recorded as having been set, never its value.
      audit: { targetType: 'user', targetIds: [input.userId], fields: ['email', 'displayName', 'password', 'organisationId', 'roles', 'locale'] },
    };
  },
});

export const updateUser = defineCommand({
  name: 'user.update',
  summary: "Change a staff account's display name or roles.",
  input: updateUserInput,
  result: z.object({ userId: z.uuid() }),
  async authorize(ctx, input) {
    const user = await loadManagedUser(ctx.tx, ctx.actor, input.userId);
    if (input.roles) await checkRoles(ctx, user.organisationId, input.roles);
  },
  async handle(ctx, input) {
    const [before] = await ctx.tx.select({ roles: users.roles }).from(users).where(eq(users.id, input.userId));
    const fields = Object.keys(input).filter((k) => k !== 'userId');
    await ctx.tx
      .update(users)
      .set({ ...(input.displayName ? { displayName: input.displayName } : {}), ...(input.roles ? { roles: input.roles } : {}), updatedAt: ctx.now })
      .where(eq(users.id, input.userId));
    if (input.roles && before) {
      const added = input.roles.filter((r) => !before.roles.includes(r));
      const removed = before.roles.filter((r) => !input.roles?.includes(r));
      if (added.length || removed.length) {
        await appendAudit(ctx.tx, { type: 'user.roles_changed', actor: ctx.actor, commandId: ctx.commandId, requestId: ctx.requestId, targetType: 'user', targetIds: [input.userId], data: { added, removed } });
      }
    }
    return { result: { userId: input.userId }, audit: { targetType: 'user', targetIds: [input.userId], fields } };
  },
});

/**
 * Deactivation and reactivation differ only in the flag they set; deactivating also ends
 * every session at once. Accounts are never deleted, so the audit trail keeps pointing at them.
 */
function setActiveCommand<A extends boolean>(name: string, summary: string, active: A) {
  return defineCommand({
    name,
    summary,
    input: userIdInput,
    result: z.object({ userId: z.uuid(), active: z.literal(active) }),
    async authorize(ctx, input) {
      await loadManagedUser(ctx.tx, ctx.actor, input.userId);
    },
    async handle({ tx, now }, input) {
      await tx.update(users).set({ active, updatedAt: now }).where(eq(users.id, input.userId));
      if (!active) await revokeAllSessions(tx, input.userId, now);
      return { result: { userId: input.userId, active }, audit: { targetType: 'user', targetIds: [input.userId], fields: ['active'] } };
    },
  });
}

export const deactivateUser = setActiveCommand(
  'user.deactivate',
  'Deactivate a staff account: its sessions end at once. Accounts are never deleted, so the audit trail keeps pointing at them.',
  false,
);
export const reactivateUser = setActiveCommand('user.reactivate', 'Reactivate a deactivated staff account.', true);
