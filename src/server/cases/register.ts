import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { caseCodePrefix, formatCaseCode, regionForCase } from '../../domain/cases/case-code.ts';
import { consentGiverProblem, consentTime, layerGranted } from '../../domain/cases/consent.ts';
import { ageBandOf, ageInYears } from '../../domain/cases/identity.ts';
import { registerCaseInput, type RegisterCaseInput } from '../../domain/cases/schemas.ts';
import { SiraError, type ErrorDetail } from '../../domain/errors/catalogue.ts';
import type { Answers } from '../../domain/forms/answers.ts';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { can } from '../../domain/policies/policy.ts';
import { SCREENING_FORM_KEYS, screeningKindOf } from '../../domain/screening/forms/index.ts';
import { screeningOutcome, type ScreeningInput } from '../../domain/screening/outcome.ts';
import { defineCommand, type CommandContext } from '../commands/define.ts';
import { blindIndexer } from '../crypto/blind-index.ts';
import { encryptJson } from '../crypto/envelope.ts';
import type { Tx } from '../db/client.ts';
import { caseCodeCounters, cases, consents, formSubmissions, formVersions, forms } from '../db/schema/index.ts';
import { indexCase } from './dedupe-index.ts';
import { createLinkRequests } from './links.ts';
import { newCaseKey, sealIdentity, submissionContext } from './sealed-case.ts';


export function actingOrganisation(ctx: Pick<CommandContext, 'actor'>, given: string | undefined): string {
  const org = given ?? (ctx.actor.kind === 'user' ? ctx.actor.organisationId : undefined);
  if (!org) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.organisationId', code: 'required' }]);
  return org;
}

async function nextCaseCode(tx: Tx, parts: { country: string; region: string; year: number }): Promise<string> {
  const prefix = caseCodePrefix(parts);
  const [row] = await tx
    .insert(caseCodeCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({ target: caseCodeCounters.prefix, set: { last: sql`${caseCodeCounters.last} + 1` } })
    .returning({ last: caseCodeCounters.last });
  return formatCaseCode({ ...parts, sequence: row!.last });
}

interface CheckedScreening {
  formId: string;
  version: number;
  kind: keyof typeof SCREENING_FORM_KEYS;
  answers: Answers;
}

/** Each answer set is checked against its form version by the forms engine, as the browser did. */
async function checkScreening(tx: Tx, input: RegisterCaseInput): Promise<CheckedScreening[]> {
  if (input.screening.length === 0) return [];
  const { evaluateForm } = await import('../../domain/forms/evaluate.ts');
  const { withoutIrrelevant } = await import('../../domain/forms/prune.ts');
  const rows = await tx
    .select({ formId: formVersions.formId, version: formVersions.version, definition: formVersions.definition, formKey: forms.formKey })
    .from(formVersions)
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    // A draft version is a coordinator's work in progress: answers are collected with a published one (or one retired since).
    .where(and(inArray(formVersions.formId, input.screening.map((s) => s.formId)), inArray(formVersions.status, ['published', 'retired'])));
  const issues: ErrorDetail[] = [];
  const out: CheckedScreening[] = [];
  const seen = new Set<string>();
  input.screening.forEach((s, i) => {
    const row = rows.find((r) => r.formId === s.formId && r.version === s.version);
    const kind = row ? screeningKindOf(row.formKey) : undefined;
    if (!row || !kind || seen.has(kind)) {
      issues.push({ path: `input.screening.${i}.formId`, code: 'screening_form_unknown' });
      return;
    }
    seen.add(kind);
    const definition = row.definition as FormDefinition;
    const evaluation = evaluateForm(definition, s.answers);
    for (const issue of evaluation.issues) issues.push({ path: `input.screening.${i}.answers.${issue.path}`, code: issue.code });
    out.push({ formId: s.formId, version: s.version, kind, answers: withoutIrrelevant(definition, s.answers, evaluation) });
  });
  if (issues.length) throw new SiraError('VALIDATION_FAILED', issues);
  return out;
}

export const registerCase = defineCommand({
  name: 'case.register',
  summary: 'Register a person: identity (encrypted), screening answers (encrypted), layered consent; sets category and risk.',
  input: registerCaseInput,
  result: z.object({ caseId: z.uuid(), caseCode: z.string(), category: z.string(), riskLevel: z.string() }),
  authorize(ctx, input) {
    if (!can(ctx.actor, 'case.register', { organisationId: actingOrganisation(ctx, input.organisationId) })) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx, input) {
    const { tx, now, actor } = ctx;
    const organisationId = actingOrganisation(ctx, input.organisationId);
    const region = regionForCase(input.regionPcode);
    if (!region) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.regionPcode', code: 'unknown_region' }]);
    const screening = await checkScreening(tx, input);
    const ageYears = ageInYears(input.identity, now);
    const byKind: Partial<Record<keyof typeof SCREENING_FORM_KEYS, Answers>> = Object.fromEntries(screening.map((s) => [s.kind, s.answers]));
    const outcome = screeningOutcome({ ...byKind, ageYears, ageUncertain: input.identity.ageUncertain } as ScreeningInput);

    const problems: ErrorDetail[] = [];
    input.consents.forEach((c, i) => {
      const code = consentGiverProblem({ isChild: outcome.isChild, ageYears }, c);
      if (code) problems.push({ path: `input.consents.${i}.givenBy`, code });
    });
    const records = input.consents.map((c) => ({ ...c, organisationId: c.organisationId ?? null, serviceType: c.serviceType ?? null, givenAt: consentTime(c.givenAt, now), withdrawnAt: null }));
    if (problems.length === 0 && !layerGranted(records, 'services', now)) problems.push({ path: 'input.consents', code: 'consent_services_required' });
    if (problems.length) throw new SiraError('VALIDATION_FAILED', problems);

    const box = ctx.secrets();
    const caseKey = newCaseKey(box, input.caseId);
    const caseCode = await nextCaseCode(tx, { country: region.country, region: region.abbreviation, year: now.getUTCFullYear() });
    await tx.insert(cases).values({
      id: input.caseId,
      organisationId,
      caseCode,
      category: outcome.category,
      riskLevel: outcome.riskLevel,
      traffickingStatus: outcome.traffickingStatus,
      childStatus: outcome.childStatus,
      isChild: outcome.isChild,
      sex: input.stats.sex,
      ageBand: outcome.isChild && ageYears === null ? 'unknown' : ageBandOf(ageYears),
      nationality: input.stats.nationality ?? null,
      preferredLanguage: input.stats.preferredLanguage ?? null,
      regionPcode: input.regionPcode,
      dataKey: caseKey.sealed,
      identity: sealIdentity(caseKey.key, input.caseId, input.identity),
      registeredBy: actor.kind === 'user' ? actor.userId : null,
      registeredAt: now,
      updatedAt: now,
      lastActivityAt: now,
    });
    const recordedBy = actor.kind === 'user' ? actor.userId : null;
    for (const c of input.consents) {
      await tx.insert(consents).values({
        id: crypto.randomUUID(),
        caseId: input.caseId,
        layer: c.layer,
        decision: c.decision,
        organisationId: c.organisationId ?? null,
        serviceType: c.serviceType ?? null,
        givenBy: c.givenBy,
        childAssent: c.childAssent,
        language: c.language,
        givenAt: consentTime(c.givenAt, now),
        recordedBy,
        recordedAt: now,
      });
    }
    for (const s of screening) {
      const id = crypto.randomUUID();
      await tx.insert(formSubmissions).values({
        id,
        formId: s.formId,
        formVersion: s.version,
        caseId: input.caseId,
        organisationId,
        answers: encryptJson(caseKey.key, s.answers, submissionContext(id)),
        summary: { kind: s.kind },
        submittedBy: recordedBy,
        submittedAt: now,
      });
    }
    await indexCase(tx, await blindIndexer(tx, box), input.caseId, input.identity, input.stats, now);
    await createLinkRequests(ctx, input.caseId, input.linkTo, 'input.linkTo');
    return {
      result: { caseId: input.caseId, caseCode, category: outcome.category, riskLevel: outcome.riskLevel },
      audit: { targetType: 'case', targetIds: [input.caseId], fields: ['identity', 'stats', 'consents', ...(screening.length ? ['screening'] : []), ...(input.linkTo.length ? ['linkTo'] : [])] },
    };
  },
});

