import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { createOrganisationInput, updateOrganisationInput } from '../../domain/organisations/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { defineCommand } from '../commands/define.ts';
import { organisations } from '../db/schema/index.ts';

export const createOrganisation = defineCommand({
  name: 'organisation.create',
  summary: 'Register a partner organisation of the referral mechanism.',
  input: createOrganisationInput,
  result: z.object({ organisationId: z.uuid() }),
  authorize({ actor }) {
    if (!can(actor, 'organisation.create')) throw new SiraError('FORBIDDEN');
  },
  async handle({ tx, now }, input) {
    await tx.insert(organisations).values({
      id: input.organisationId,
      name: input.name,
      acronym: input.acronym ?? null,
      type: input.type,
      country: input.country,
      regionPcodes: input.regionPcodes,
      createdAt: now,
      updatedAt: now,
    });
    return {
      result: { organisationId: input.organisationId },
      audit: { targetType: 'organisation', targetIds: [input.organisationId], fields: Object.keys(input).filter((k) => k !== 'organisationId') },
    };
  },
});

export const updateOrganisation = defineCommand({
  name: 'organisation.update',
  summary: "Correct a partner organisation's details, or deactivate it.",
  input: updateOrganisationInput,
  result: z.object({ organisationId: z.uuid() }),
  async authorize({ tx, actor }, input) {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).for('update');
    if (!org) throw new SiraError('NOT_FOUND');
    if (!can(actor, 'organisation.update', { id: org.id })) throw new SiraError('FORBIDDEN');
    if (input.active !== undefined && !can(actor, 'organisation.deactivate', { id: org.id })) throw new SiraError('FORBIDDEN');
  },
  async handle({ tx, now }, input) {
    const { organisationId, ...changes } = input;
    await tx.update(organisations).set({ ...changes, updatedAt: now }).where(eq(organisations.id, organisationId));
    return { result: { organisationId }, audit: { targetType: 'organisation', targetIds: [organisationId], fields: Object.keys(changes) } };
  },
});
