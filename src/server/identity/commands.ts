import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { createUserInput } from '../../domain/identity/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { defineCommand } from '../commands/define.ts';
import { organisations, users } from '../db/schema/index.ts';
import { hashPassword } from './passwords.ts';

export const createUser = defineCommand({
  name: 'user.create',
  summary: 'Create a staff account in an organisation, with its roles there.',
  input: createUserInput,
  result: z.object({ userId: z.uuid() }),
  async authorize({ tx, actor }, input) {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw new SiraError('NOT_FOUND');
    if (!can(actor, 'user.create', { organisationId: org.id })) throw new SiraError('FORBIDDEN');
  },
  async handle({ tx, now }, input) {
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
    });
    return {
      result: { userId: input.userId },
      // Field names only; the password is recorded as having been set, never its value.
      audit: { targetType: 'user', targetIds: [input.userId], fields: ['email', 'displayName', 'password', 'organisationId', 'roles', 'locale'] },
    };
  },
});
