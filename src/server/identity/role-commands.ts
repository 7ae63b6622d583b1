import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { isDefaultRole } from '../../domain/identity/roles.ts';
import { resetRoleInput, upsertRoleInput } from '../../domain/identity/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { defineCommand } from '../commands/define.ts';
import { roles } from '../db/schema/index.ts';

const KEEPS_THE_SYSTEM_MANAGEABLE = ['role.manage', 'user.manage'] as const;

export const upsertRole = defineCommand({
  name: 'role.save',
  summary: "Set a role's permissions and whether it requires a second factor; a new key creates a custom role.",
  input: upsertRoleInput,
  result: z.object({ key: z.string() }),
  authorize({ actor }) {
    if (!can(actor, 'role.manage')) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx, input) {
    if (!isDefaultRole(input.key) && !input.label) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.label', code: 'required' }]);
    // Whoever holds the system administrator role must keep the power to repair roles and accounts.
    const missing = input.key === 'system_admin' ? KEEPS_THE_SYSTEM_MANAGEABLE.filter((p) => !input.permissions.includes(p)) : [];
    if (missing.length > 0) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.permissions', code: 'role_lockout', params: { permissions: missing.join(', ') } }]);
    const values = { key: input.key, label: input.label ?? null, permissions: input.permissions, requiresTotp: input.requiresTotp, updatedAt: ctx.now };
    await ctx.tx.insert(roles).values(values).onConflictDoUpdate({ target: roles.key, set: values });
    await appendAudit(ctx.tx, { type: 'role.permissions_changed', actor: ctx.actor, commandId: ctx.commandId, requestId: ctx.requestId, targetType: 'role', targetIds: [input.key], data: { permissions: input.permissions, requiresTotp: input.requiresTotp } });
    return { result: { key: input.key }, audit: { targetType: 'role', targetIds: [input.key], fields: Object.keys(input).filter((k) => k !== 'key') } };
  },
});

export const resetRole = defineCommand({
  name: 'role.reset',
  summary: 'Give a default role back its default permissions.',
  input: resetRoleInput,
  result: z.object({ key: z.string() }),
  authorize({ actor }, input) {
    if (!can(actor, 'role.manage')) throw new SiraError('FORBIDDEN');
    if (!isDefaultRole(input.key)) throw new SiraError('NOT_FOUND');
  },
  async handle({ tx }, input) {
    await tx.delete(roles).where(eq(roles.key, input.key));
    return { result: { key: input.key }, audit: { targetType: 'role', targetIds: [input.key], fields: ['permissions', 'requiresTotp'] } };
  },
});
