import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { disclosureAllowed, type ConsentRecord } from '../../domain/cases/consent.ts';
import { type DisclosableField, type DisclosedData, discloseInput, disclosedDataView } from '../../domain/cases/disclosure.ts';
import { admin1Name } from '../../domain/directory/geo.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import type { DbOrTx } from '../db/client.ts';
import { defineCommand, type CommandContext } from '../commands/define.ts';
import { encryptWith } from '../crypto/envelope.ts';
import { cases, consentOverrides, consents, disclosures, organisations } from '../db/schema/index.ts';
import { lockOpenCase } from './consent-commands.ts';
import { caseKey, openIdentity, overrideReasonContext } from './sealed-case.ts';

type CaseRow = typeof cases.$inferSelect;

export async function consentRecords(db: DbOrTx, caseId: string): Promise<ConsentRecord[]> {
  const rows = await db.select().from(consents).where(eq(consents.caseId, caseId));
  return rows.map((r) => ({ layer: r.layer as ConsentRecord['layer'], decision: r.decision as ConsentRecord['decision'], organisationId: r.organisationId, serviceType: r.serviceType, givenAt: r.givenAt, withdrawnAt: r.withdrawnAt }));
}

/**
 * The server's consent gate for anything that leaves the owning organisation (this command,
 * and referrals): allowed when consent covers the receiving organisation and service type;
 * otherwise only with an override by a role allowed to make one, with a reason. The override is
 * stored (reason encrypted), audited as `consent.overridden`, and listed for the coordinator.
 * Returns the basis of the disclosure.
 */
export async function authorizeDisclosure(
  ctx: CommandContext,
  row: CaseRow,
  target: { organisationId: string; serviceType: string | null },
  override: { reason: string } | undefined,
): Promise<{ basis: 'consent' | 'override'; overrideId: string | null }> {
  if (disclosureAllowed(await consentRecords(ctx.tx, row.id), target, ctx.now)) return { basis: 'consent', overrideId: null };
  if (!override || !can(ctx.actor, 'consent.override', { organisationId: row.organisationId })) throw new SiraError('CONSENT_REQUIRED');
  const id = crypto.randomUUID();
  await ctx.tx.insert(consentOverrides).values({
    id,
    caseId: row.id,
    organisationId: row.organisationId,
    toOrganisationId: target.organisationId,
    serviceType: target.serviceType,
    reason: encryptWith(caseKey(ctx.secrets(), row), override.reason, overrideReasonContext(id)),
    overriddenBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    overriddenAt: ctx.now,
  });
  await appendAudit(ctx.tx, {
    type: 'consent.overridden',
    actor: ctx.actor,
    commandId: ctx.commandId,
    requestId: ctx.requestId,
    targetType: 'case',
    targetIds: [row.id, id],
    data: { toOrganisationId: target.organisationId, serviceType: target.serviceType },
  });
  return { basis: 'override', overrideId: id };
}

/** The minimal data set, field by field as asked. */
export function minimalData(ctx: Pick<CommandContext, 'secrets'>, row: CaseRow, fields: readonly DisclosableField[]): DisclosedData {
  const wantsIdentity = fields.some((f) => f === 'name' || f === 'phone' || f === 'caregiverContact');
  const identity = wantsIdentity ? openIdentity(ctx.secrets(), row) : null;
  const out: DisclosedData = {};
  for (const f of fields) {
    if (f === 'caseCode') out.caseCode = row.caseCode;
    if (f === 'ageBand') out.ageBand = row.ageBand;
    if (f === 'sex') out.sex = row.sex;
    if (f === 'language') out.language = row.preferredLanguage;
    if (f === 'region') out.region = admin1Name(row.regionPcode) ?? row.regionPcode;
    if (f === 'category') out.category = row.category;
    if (f === 'name') out.name = [identity!.givenName, identity!.familyName].filter(Boolean).join(' ');
    if (f === 'phone') out.phone = identity!.phone ?? null;
    if (f === 'caregiverContact' && row.isChild) out.caregiverContact = { name: identity!.caregiverName ?? null, phone: identity!.caregiverPhone ?? null };
  }
  return out;
}

/**
 * Hand a receiving organisation the minimal data set of a case (by phone, on paper, or to a
 * partner outside Sira). The data travels in the answer's `ephemeral` part only: the command
 * log keeps the fact, the fields and the basis, never the values.
 */
export const discloseCase = defineCommand({
  name: 'case.disclose',
  summary: "Disclose a case's minimal data set to another organisation for a service, if consent covers it (or with an allowed override).",
  input: discloseInput,
  result: z.object({ disclosureId: z.uuid(), basis: z.enum(['consent', 'override']) }),
  ephemeral: disclosedDataView,
  async authorize(ctx, input) {
    await lockOpenCase(ctx, input.caseId, 'case.read');
  },
  async handle(ctx, input) {
    const row = await lockOpenCase(ctx, input.caseId, 'case.read');
    const [to] = await ctx.tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.toOrganisationId));
    if (!to) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.toOrganisationId', code: 'unknown_organisation' }]);
    const fields = [...new Set(input.fields)];
    const { basis, overrideId } = await authorizeDisclosure(ctx, row, { organisationId: to.id, serviceType: input.serviceType ?? null }, input.override);
    const id = crypto.randomUUID();
    await ctx.tx.insert(disclosures).values({
      id,
      caseId: row.id,
      toOrganisationId: to.id,
      serviceType: input.serviceType ?? null,
      fields,
      basis,
      overrideId,
      disclosedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      disclosedAt: ctx.now,
    });
    await ctx.tx.update(cases).set({ lastActivityAt: ctx.now }).where(eq(cases.id, row.id));
    return {
      result: { disclosureId: id, basis },
      ephemeral: minimalData(ctx, row, fields),
      audit: { targetType: 'case', targetIds: [row.id, id], fields: fields.map((f) => `disclosed.${f}`) },
    };
  },
});
