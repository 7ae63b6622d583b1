import { v4 as uuidv4 } from 'uuid';
import type { ConsentDecision } from '../../src/domain/cases/consent.ts';
import type { RegisterCaseInput } from '../../src/domain/cases/schemas.ts';
import { type Session, type TestApp, postCommand } from './app.ts';

/** Synthetic people only: names common in the region, invented dates and numbers. */
export function consent(overrides: Partial<ConsentDecision> = {}): ConsentDecision {
  return { layer: 'services', decision: 'granted', givenBy: 'self', childAssent: 'not_applicable', language: 'bm', givenAt: new Date(Date.now() - 60_000).toISOString(), ...overrides } as ConsentDecision;
}

type RegisterOverrides = Omit<Partial<RegisterCaseInput>, 'identity' | 'stats'> & { identity?: Partial<RegisterCaseInput['identity']>; stats?: Partial<RegisterCaseInput['stats']> };

export function registrationInput(overrides: RegisterOverrides = {}) {
  const { identity, stats, ...rest } = overrides;
  return {
    caseId: uuidv4(),
    regionPcode: 'ML01',
    consents: [consent()],
    screening: [],
    ...rest,
    identity: { givenName: 'Aminata', familyName: 'Diarra', dateOfBirth: '1998-04-12', phone: '+223 76 12 34 56', motherName: 'Kadiatou Keita', placeOfOrigin: 'Nioro du Sahel', ...identity },
    stats: { sex: 'female' as const, nationality: 'ML', preferredLanguage: 'bm', ...stats },
  };
}

export async function registerCase(t: TestApp, session: Session, overrides: RegisterOverrides = {}) {
  const input = registrationInput(overrides);
  const res = await postCommand(t, session, 'case.register', uuidv4(), input);
  if (res.statusCode !== 200) throw new Error(`case.register failed: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as { result: { caseId: string; caseCode: string; category: string; riskLevel: string } }).result, input };
}
