import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { createOrganisationInput } from '../../domain/organisations/schemas.ts';
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
