import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createServiceInput, deactivateServiceInput, saveTermInput, seedTaxonomyInput, updateServiceInput, verifyServiceInput } from '../../domain/directory/schemas.ts';
import { taxonomyId, termId } from '../../domain/directory/taxonomy.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { type CommandContext, defineCommand } from '../commands/define.ts';
import type { Tx } from '../db/client.ts';
import { directoryServices, directoryTaxonomies, directoryTaxonomyTerms, organisations } from '../db/schema/index.ts';
import { seedTaxonomies } from './seed.ts';
import { writeService } from './write.ts';

const serviceResult = z.object({ serviceId: z.uuid() });

/** Loads and locks the service, and checks the actor may manage its organisation's entries. */
async function authorizeOnService(ctx: CommandContext, serviceId: string) {
  const [service] = await ctx.tx
    .select({ id: directoryServices.id, organisationId: directoryServices.organisationId, status: directoryServices.status })
    .from(directoryServices)
    .where(eq(directoryServices.id, serviceId))
    .for('update');
  // Every member reads the directory, so a service another organisation owns is visible: refused, not hidden.
  if (!service) throw new SiraError('NOT_FOUND');
  if (!can(ctx.actor, 'service.manage', { organisationId: service.organisationId })) throw new SiraError('FORBIDDEN');
  return service;
}

async function auditStatusChange(ctx: CommandContext, serviceId: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  await appendAudit(ctx.tx, { type: 'directory.service_status_changed', actor: ctx.actor, commandId: ctx.commandId, requestId: ctx.requestId, targetType: 'service', targetIds: [serviceId], data: { from, to } });
}

/** The service's status and owner as they stand before a change (its row is locked by `authorize`). */
async function currentState(tx: Tx, serviceId: string): Promise<{ status: string; organisationId: string }> {
  const [row] = await tx.select({ status: directoryServices.status, organisationId: directoryServices.organisationId }).from(directoryServices).where(eq(directoryServices.id, serviceId));
  return row!;
}

export const createService = defineCommand({
  name: 'service.create',
  summary: 'Add a service to the directory, with its places, hours, costs, languages, coverage and capacity.',
  input: createServiceInput,
  result: serviceResult,
  async authorize({ tx, actor }, input) {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.organisationId', code: 'invalid_value' }]);
    if (!can(actor, 'service.manage', { organisationId: org.id })) throw new SiraError('FORBIDDEN');
    const [taken] = await tx.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.id, input.serviceId));
    if (taken) throw new SiraError('CONFLICT');
  },
  async handle({ tx, now }, input) {
    const { organisationId, ...fields } = input;
    await writeService(tx, organisationId, fields, now, 'create');
    return { result: { serviceId: input.serviceId }, audit: { targetType: 'service', targetIds: [input.serviceId], fields: Object.keys(input).filter((k) => k !== 'serviceId') } };
  },
});

export const updateService = defineCommand({
  name: 'service.update',
  summary: 'Save a directory service as a whole: its lists replace what was there.',
  input: updateServiceInput,
  result: serviceResult,
  async authorize(ctx, input) {
    await authorizeOnService(ctx, input.serviceId);
  },
  async handle(ctx, input) {
    const before = await currentState(ctx.tx, input.serviceId);
    await writeService(ctx.tx, before.organisationId, input, ctx.now, 'update');
    await auditStatusChange(ctx, input.serviceId, before.status, input.status);
    return { result: { serviceId: input.serviceId }, audit: { targetType: 'service', targetIds: [input.serviceId], fields: Object.keys(input).filter((k) => k !== 'serviceId') } };
  },
});

export const verifyService = defineCommand({
  name: 'service.verify',
  summary: 'Record that a directory service was checked with its provider today.',
  input: verifyServiceInput,
  result: serviceResult,
  async authorize(ctx, input) {
    await authorizeOnService(ctx, input.serviceId);
  },
  async handle({ tx, now, actor }, input) {
    const verifiedBy = actor.kind === 'user' ? actor.userId : null;
    const verifiedAt = input.verifiedAt ? new Date(input.verifiedAt) : now;
    if (verifiedAt.getTime() > now.getTime() + 5 * 60_000) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.verifiedAt', code: 'invalid_value' }]);
    await tx.update(directoryServices).set({ lastVerifiedAt: verifiedAt, lastVerifiedBy: verifiedBy }).where(eq(directoryServices.id, input.serviceId));
    return { result: { serviceId: input.serviceId }, audit: { targetType: 'service', targetIds: [input.serviceId], fields: ['lastVerifiedAt'] } };
  },
});

export const deactivateService = defineCommand({
  name: 'service.deactivate',
  summary: 'Take a service out of search results: inactive, temporarily closed or defunct.',
  input: deactivateServiceInput,
  result: serviceResult,
  async authorize(ctx, input) {
    await authorizeOnService(ctx, input.serviceId);
  },
  async handle(ctx, input) {
    const before = await currentState(ctx.tx, input.serviceId);
    await ctx.tx.update(directoryServices).set({ status: input.status, updatedAt: ctx.now }).where(eq(directoryServices.id, input.serviceId));
    await auditStatusChange(ctx, input.serviceId, before.status, input.status);
    return { result: { serviceId: input.serviceId }, audit: { targetType: 'service', targetIds: [input.serviceId], fields: ['status'] } };
  },
});

export const seedTaxonomy = defineCommand({
  name: 'taxonomy.seed',
  summary: 'Add the shipped NRM service types and target groups that are missing; existing terms are left as they are.',
  input: seedTaxonomyInput,
  result: z.object({ taxonomies: z.number().int(), terms: z.number().int() }),
  authorize({ actor }) {
    if (!can(actor, 'taxonomy.manage')) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx) {
    const added = await seedTaxonomies(ctx.tx, ctx.now);
    await appendAudit(ctx.tx, { type: 'directory.taxonomy_seeded', actor: ctx.actor, commandId: ctx.commandId, requestId: ctx.requestId, targetType: 'taxonomy', data: added });
    return { result: added, audit: { targetType: 'taxonomy', targetIds: [], fields: [] } };
  },
});

export const saveTerm = defineCommand({
  name: 'taxonomy.term_save',
  summary: 'Rename, describe, switch off or add a term of the service types or target groups, in every language.',
  input: saveTermInput,
  result: z.object({ termId: z.uuid() }),
  authorize({ actor }) {
    if (!can(actor, 'taxonomy.manage')) throw new SiraError('FORBIDDEN');
  },
  async handle({ tx, now }, input) {
    const taxonomy = taxonomyId(input.taxonomy);
    const [exists] = await tx.select({ id: directoryTaxonomies.id }).from(directoryTaxonomies).where(eq(directoryTaxonomies.id, taxonomy));
    if (!exists) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.taxonomy', code: 'invalid_value' }]);
    let parentId: string | null = null;
    if (input.parent) {
      // One level of sub-types, as HSDS consumers usually display them.
      const [parent] = await tx
        .select({ id: directoryTaxonomyTerms.id, parentId: directoryTaxonomyTerms.parentId })
        .from(directoryTaxonomyTerms)
        .where(and(eq(directoryTaxonomyTerms.taxonomyId, taxonomy), eq(directoryTaxonomyTerms.code, input.parent)));
      if (!parent || parent.parentId !== null) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.parent', code: 'invalid_value' }]);
      parentId = parent.id;
    }
    const values = { parentId, name: input.name.fr, description: input.description.fr, labels: { name: input.name, description: input.description }, active: input.active, updatedAt: now };
    const [current] = await tx
      .select({ id: directoryTaxonomyTerms.id })
      .from(directoryTaxonomyTerms)
      .where(and(eq(directoryTaxonomyTerms.taxonomyId, taxonomy), eq(directoryTaxonomyTerms.code, input.code)));
    // A new term gets the id a later release would give the same code, so the seed then leaves it alone.
    const id = current?.id ?? termId(input.taxonomy, input.code);
    if (current) await tx.update(directoryTaxonomyTerms).set(values).where(eq(directoryTaxonomyTerms.id, id));
    else await tx.insert(directoryTaxonomyTerms).values({ id, taxonomyId: taxonomy, code: input.code, position: 1000, createdAt: now, ...values });
    return { result: { termId: id }, audit: { targetType: 'taxonomy_term', targetIds: [id], fields: Object.keys(input) } };
  },
});
