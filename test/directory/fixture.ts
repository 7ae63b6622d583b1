import { v4 as uuidv4 } from 'uuid';
import { DEMO_ORGANISATIONS } from '../../src/cli/demo-data.ts';
import { DEMO_SERVICES, demoServiceId, demoServiceInput, demoVerifiedAt } from '../../src/cli/demo-directory.ts';
import { stableId } from '../../src/cli/ids.ts';
import type { CreateServiceInput } from '../../src/domain/directory/schemas.ts';
import { type TestApp, systemCommand } from '../support/app.ts';

/** The demo directory of `sira seed-demo`, made through the same commands. */
export async function seedDemoDirectory(t: TestApp): Promise<void> {
  for (const o of DEMO_ORGANISATIONS) {
    const { key, ...fields } = o;
    await systemCommand(t, 'organisation.create', { organisationId: stableId(`demo:organisation:${key}`), ...fields });
  }
  await systemCommand(t, 'taxonomy.seed', {});
  const today = new Date();
  for (const [index, s] of DEMO_SERVICES.entries()) {
    await systemCommand(t, 'service.create', demoServiceInput(s, index));
    const verifiedAt = demoVerifiedAt(s, today);
    if (verifiedAt) await systemCommand(t, 'service.verify', { serviceId: demoServiceId(s.key), verifiedAt });
  }
}

/** A small valid service of an organisation; override what a test is about. */
export function serviceInput(organisationId: string, over: Partial<CreateServiceInput> = {}): CreateServiceInput {
  return {
    serviceId: uuidv4(),
    organisationId,
    name: 'Service de test',
    status: 'active',
    visibility: 'public',
    serviceTypes: ['food'],
    targetGroups: [],
    languages: ['fr'],
    costs: [{ kind: 'free' }],
    phones: [],
    contacts: [],
    schedules: [],
    coverage: [],
    locations: [],
    ...over,
  };
}
