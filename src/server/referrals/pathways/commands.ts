import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { TERM_CODE_PATTERN } from '../../../domain/directory/schemas.ts';
import { type ErrorDetail, SiraError } from '../../../domain/errors/catalogue.ts';
import { type KnownCodes, pathwaySchema } from '../../../domain/referrals/pathways.ts';
import { can } from '../../../domain/policies/policy.ts';
import { defineCommand } from '../../commands/define.ts';
import { zodToSiraError } from '../../commands/validation.ts';
import { organisations, referralPathways } from '../../db/schema/index.ts';
import { findPathway, liveCodes, responsibleIds } from './store.ts';

/**
 * The request is checked for shape only: which codes exist is known only inside the
 * transaction (coordinators add terms), where the same domain schema runs again with them.
 */
const ANY_CODE = { has: () => true } as unknown as ReadonlySet<string>;
const shapeOnly: KnownCodes = { serviceTypes: ANY_CODE, targetGroups: ANY_CODE };

export const savePathwayInput = pathwaySchema(shapeOnly).extend({
  /** The version the editor started from (0 for a default): a save over someone else's is refused. */
  expectedVersion: z.number().int().min(0),
});

export const resetPathwayInput = z.object({ targetGroup: z.string().regex(TERM_CODE_PATTERN) }).strict();

const pathwayResult = z.object({ targetGroup: z.string(), version: z.number().int() });

function authorizeManage({ actor }: { actor: Parameters<typeof can>[0] }): void {
  if (!can(actor, 'pathway.manage')) throw new SiraError('FORBIDDEN');
}

export const savePathway = defineCommand({
  name: 'pathway.save',
  summary: "Replace a target group's referral pathway: ordered steps, their timing and the organisations answering for each in each region.",
  input: savePathwayInput,
  result: pathwayResult,
  authorize: authorizeManage,
  async handle({ tx, actor, now }, input) {
    const { expectedVersion, ...candidate } = input;
    const checked = pathwaySchema(await liveCodes(tx)).safeParse(candidate, { reportInput: true });
    if (!checked.success) throw zodToSiraError(checked.error, 'input');
    const pathway = checked.data;

    const ids = [...new Set(responsibleIds(pathway))];
    const found = ids.length ? new Set((await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))).map((r) => r.id)) : new Set<string>();
    const unknown: ErrorDetail[] = pathway.steps.flatMap((step, s) =>
      step.responsible.flatMap((entry, r) =>
        entry.organisationIds.flatMap((id, o) => (found.has(id) ? [] : [{ path: `input.steps.${s}.responsible.${r}.organisationIds.${o}`, code: 'unknown_organisation' }])),
      ),
    );
    if (unknown.length > 0) throw new SiraError('VALIDATION_FAILED', unknown);

    // Locked, so two coordinators saving at once cannot both start from the same version.
    const [row] = await tx.select({ version: referralPathways.version }).from(referralPathways).where(eq(referralPathways.targetGroup, pathway.targetGroup)).for('update');
    const current = row?.version ?? 0;
    if (expectedVersion !== current) throw new SiraError('CONFLICT');
    const version = current + 1;
    const values = { definition: pathway, version, updatedBy: actor.kind === 'user' ? actor.userId : null, updatedAt: now };
    if (row) {
      await tx.update(referralPathways).set(values).where(eq(referralPathways.targetGroup, pathway.targetGroup));
    } else {
      // A concurrent first save of the same group inserted it meanwhile: that one won.
      const inserted = await tx.insert(referralPathways).values({ targetGroup: pathway.targetGroup, ...values }).onConflictDoNothing().returning({ version: referralPathways.version });
      if (inserted.length === 0) throw new SiraError('CONFLICT');
    }
    return { result: { targetGroup: pathway.targetGroup, version }, audit: { targetType: 'referral_pathway', targetIds: [pathway.targetGroup], fields: ['steps'] } };
  },
});

export const resetPathway = defineCommand({
  name: 'pathway.reset',
  summary: "Put a target group's pathway back to the one Sira ships (or remove a pathway that has no default).",
  input: resetPathwayInput,
  result: pathwayResult,
  authorize: authorizeManage,
  async handle({ tx }, input) {
    await tx.delete(referralPathways).where(eq(referralPathways.targetGroup, input.targetGroup));
    const after = await findPathway(tx, input.targetGroup);
    return { result: { targetGroup: input.targetGroup, version: after?.version ?? 0 }, audit: { targetType: 'referral_pathway', targetIds: [input.targetGroup], fields: [] } };
  },
});
