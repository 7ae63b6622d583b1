import { v4 as uuidv4 } from 'uuid';
import { type Session, type TestApp, postCommand, systemCommand } from './app.ts';

/** The shipped taxonomy, seeded once per app (the command adds only what is missing). */
export async function seedTaxonomy(t: TestApp): Promise<void> {
  await systemCommand(t, 'taxonomy.seed', {});
}

/** A directory service of an organisation, with one place; synthetic phone numbers only. */
export async function createService(t: TestApp, organisationId: string, serviceTypes: string[] = ['shelter'], name = 'Foyer d’accueil de test') {
  const serviceId = uuidv4();
  const locationId = uuidv4();
  await systemCommand(t, 'service.create', {
    serviceId,
    organisationId,
    name,
    serviceTypes,
    targetGroups: ['victim_of_trafficking'],
    languages: ['fr', 'bm'],
    costs: [{ kind: 'free' }],
    phones: [{ number: '+223 00 00 00 09' }],
    coverage: ['ML01'],
    locations: [{ id: locationId, name: 'Centre de Kayes', admin1Pcode: 'ML01', address: { address1: 'Quartier Légal Ségou', city: 'Kayes', country: 'ML' } }],
  });
  return { serviceId, locationId };
}

export function referralInput(caseId: string, serviceId: string, overrides: Record<string, unknown> = {}) {
  return { referralId: uuidv4(), caseId, serviceId, serviceType: 'shelter', urgency: 'urgent', reason: 'Besoin d’un hébergement sûr cette nuit.', ...overrides };
}

export async function refer(t: TestApp, session: Session, caseId: string, serviceId: string, overrides: Record<string, unknown> = {}) {
  const input = referralInput(caseId, serviceId, overrides);
  const res = await postCommand(t, session, 'referral.create', uuidv4(), input);
  return { res, referralId: input.referralId };
}

export function step(t: TestApp, session: Session, event: string, referralId: string, extra: Record<string, unknown> = {}) {
  return postCommand(t, session, `referral.${event}`, uuidv4(), { referralId, ...extra });
}
