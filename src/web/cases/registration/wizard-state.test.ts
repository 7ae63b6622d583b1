import { describe, expect, it } from 'vitest';
import { type WizardState, consentDecisions, consentFieldOfPath, identityFieldOfPath, consentProblems, emptyIdentity, identityFormSchema, mayBeChild, newWizard, nextStep, previousStep, registerInput, registrationOf, screeningKindsFor, stepOfPath } from './wizard-state.ts';

const ON = new Date('2026-11-23T10:00:00Z');
const ids = { caseId: '0f8fad5b-d9cb-469f-a165-70867728950e', commandId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };

function filled(overrides: Partial<ReturnType<typeof emptyIdentity>> = {}) {
  return { ...emptyIdentity(), regionPcode: 'ML01', givenName: 'Fanta', familyName: 'Traore', dateOfBirth: '2001', sex: 'female', nationality: 'ML', phone: '0022370112233', ...overrides };
}

describe('step (a): identity', () => {
  it('accepts a year-only birth date and drops empty boxes', () => {
    const r = registrationOf(filled());
    expect(r?.regionPcode).toBe('ML01');
    expect(r?.identity).toMatchObject({ givenName: 'Fanta', familyName: 'Traore', dateOfBirth: '2001', phone: '0022370112233', aliases: [], documents: [] });
    expect(r?.identity).not.toHaveProperty('motherName');
    expect(r?.stats).toEqual({ sex: 'female', nationality: 'ML' });
  });

  it('needs a region from the list, a given name and a sex', () => {
    const result = identityFormSchema.safeParse({ ...emptyIdentity(), regionPcode: 'ML99' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['regionPcode', 'givenName', 'sex']));
    expect(registrationOf(filled({ givenName: '' }))).toBeUndefined();
  });

  it('refuses a malformed date or phone, and splits aliases on commas', () => {
    expect(registrationOf(filled({ dateOfBirth: '5/3/2001' }))).toBeUndefined();
    expect(registrationOf(filled({ phone: 'call me' }))).toBeUndefined();
    expect(registrationOf(filled({ aliases: ' Fanta T , Fatou,, ' }))?.identity.aliases).toEqual(['Fanta T', 'Fatou']);
  });

  it('keeps the caregiver only for a person who may be a child', () => {
    const caregiver = { caregiverName: 'Kadiatou Keita', caregiverPhone: '+223 70 00 00 00' };
    expect(registrationOf(filled(caregiver))?.identity).not.toHaveProperty('caregiverName');
    expect(registrationOf(filled({ ...caregiver, dateOfBirth: '2014' }))?.identity.caregiverName).toBe('Kadiatou Keita');
  });
});

describe('who may be a child', () => {
  it('is under 18 by birth date or estimate, or of uncertain age', () => {
    expect(mayBeChild({ dateOfBirth: '2010', estimatedAge: '', ageUncertain: false }, ON)).toBe(true);
    expect(mayBeChild({ dateOfBirth: '2001', estimatedAge: '', ageUncertain: false }, ON)).toBe(false);
    expect(mayBeChild({ dateOfBirth: '', estimatedAge: '16', ageUncertain: false }, ON)).toBe(true);
    expect(mayBeChild({ dateOfBirth: '', estimatedAge: '', ageUncertain: false }, ON)).toBe(false);
    expect(mayBeChild({ dateOfBirth: '', estimatedAge: '30', ageUncertain: true }, ON)).toBe(true);
  });

  it('shows the child form only then', () => {
    expect(screeningKindsFor(filled(), ON)).toEqual(['vulnerability', 'trafficking']);
    expect(screeningKindsFor(filled({ ageUncertain: true }), ON)).toEqual(['vulnerability', 'trafficking', 'child']);
  });
});

describe('step (d): consent', () => {
  const base = { services: 'granted', disclosureAny: 'granted', disclosureLines: [], reporting: 'refused', givenBy: 'self', childAssent: 'not_applicable', language: 'bm', givenAt: '2026-11-23T09:59:00.000Z' } as const;
  const adult = { isChild: false, ageYears: 25 };

  it('is complete when every layer is answered and an adult speaks for themselves', () => {
    expect(consentProblems({ ...base, disclosureLines: [] }, adult)).toEqual({});
  });

  it('asks for each answer, and refuses to open a case without consent to services', () => {
    expect(consentProblems({ ...base, disclosureLines: [], services: '', reporting: '', givenBy: '' }, adult)).toEqual({ services: 'required', reporting: 'required', givenBy: 'required' });
    expect(consentProblems({ ...base, disclosureLines: [], services: 'refused' }, adult).services).toBe('consent_services_required');
  });

  it('applies the same rules as the server to who consents for a child', () => {
    expect(consentProblems({ ...base, disclosureLines: [], givenBy: 'caregiver' }, adult).givenBy).toBe('consent_adult_gives_own');
    expect(consentProblems({ ...base, disclosureLines: [] }, { isChild: true, ageYears: 10 }).givenBy).toBe('consent_child_needs_adult');
    expect(consentProblems({ ...base, disclosureLines: [], givenBy: 'caregiver' }, { isChild: true, ageYears: 10 }).childAssent).toBe('consent_child_assent_needed');
    expect(consentProblems({ ...base, disclosureLines: [], givenBy: 'caregiver', childAssent: 'given' }, { isChild: true, ageYears: 10 })).toEqual({});
  });

  it('needs a target and an answer on each exception line', () => {
    const lines = [
      { organisationId: '', serviceType: '', decision: 'refused' as const },
      { organisationId: ids.caseId, serviceType: '', decision: '' as const },
    ];
    expect(consentProblems({ ...base, disclosureLines: lines }, adult)).toEqual({ 'line.0': 'consent_line_target', 'line.1': 'required' });
  });

  it('makes one record per layer and per exception line, with assent only for a child', () => {
    const lines = [{ organisationId: ids.caseId, serviceType: 'legal_aid', decision: 'refused' as const }];
    const adultRecords = consentDecisions({ ...base, disclosureLines: lines, childAssent: 'given' }, false);
    expect(adultRecords.map((c) => [c.layer, c.decision, c.organisationId ?? null, c.serviceType ?? null, c.childAssent])).toEqual([
      ['services', 'granted', null, null, 'not_applicable'],
      ['disclosure', 'granted', null, null, 'not_applicable'],
      ['disclosure', 'refused', ids.caseId, 'legal_aid', 'not_applicable'],
      ['reporting', 'refused', null, null, 'not_applicable'],
    ]);
    expect(consentDecisions({ ...base, disclosureLines: [], givenBy: 'caregiver', childAssent: 'given' }, true)[0]?.childAssent).toBe('given');
  });
});

describe('the command input and the steps', () => {
  it('builds case.register from the whole wizard, with the ids chosen once', () => {
    const state: WizardState = {
      ...newWizard(ids, 'fr'),
      identity: filled(),
      linkTo: ['token'],
      submissions: [{ formId: ids.commandId, version: 1, kind: 'trafficking', answers: { exploited: 'no' } }],
      consent: { services: 'granted', disclosureAny: 'granted', disclosureLines: [], reporting: 'granted', givenBy: 'self', childAssent: 'not_applicable', language: 'bm', givenAt: '2026-11-23T09:59:00.000Z' },
    };
    const input = registerInput(state, ON);
    expect(input).toMatchObject({ caseId: ids.caseId, regionPcode: 'ML01', linkTo: ['token'], screening: [{ formId: ids.commandId, version: 1, answers: { exploited: 'no' } }] });
    expect(input?.screening[0]).not.toHaveProperty('kind');
    expect(input?.consents).toHaveLength(3);
    expect(registerInput({ ...state, identity: emptyIdentity() }, ON)).toBeUndefined();
  });

  it('sends a server detail back to the step it belongs to', () => {
    expect(stepOfPath('input.consents.1.givenBy')).toBe('consent');
    expect(stepOfPath('input.identity.phone')).toBe('identity');
    expect(stepOfPath('input.stats.nationality')).toBe('identity');
    expect(stepOfPath('input.linkTo.0')).toBe('duplicates');
    expect(stepOfPath('input.screening.0.answers.exploited')).toBe('screening');
    expect(stepOfPath('input.caseId')).toBe('review');
    expect(identityFieldOfPath('input.identity.documents.0.number')).toBe('documents.0.number');
    expect(identityFieldOfPath('input.stats.sex')).toBe('sex');
    expect(identityFieldOfPath('input.regionPcode')).toBe('regionPcode');
    expect(consentFieldOfPath('input.consents.2.givenBy')).toBe('givenBy');
    expect(consentFieldOfPath('input.consents.0.childAssent')).toBe('childAssent');
    expect(consentFieldOfPath('input.consents')).toBe('services');
  });

  it('moves one step at a time and stops at either end', () => {
    expect(nextStep('identity')).toBe('duplicates');
    expect(nextStep('review')).toBe('review');
    expect(previousStep('identity')).toBe('identity');
    expect(previousStep('consent')).toBe('screening');
  });
});
