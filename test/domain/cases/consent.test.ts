import { describe, expect, it } from 'vitest';
import { type ConsentRecord, consentGiverProblem, consentTime, disclosureAllowed, layerGranted } from '../../../src/domain/cases/consent.ts';
import { ageBandOf, ageInYears } from '../../../src/domain/cases/identity.ts';

const at = new Date('2026-06-01T12:00:00Z');
const rec = (r: Partial<ConsentRecord>): ConsentRecord => ({ layer: 'disclosure', decision: 'granted', organisationId: null, serviceType: null, givenAt: new Date('2026-05-01T00:00:00Z'), withdrawnAt: null, ...r });

describe('disclosure consent', () => {
  const shelter = { organisationId: 'org-shelter', serviceType: 'shelter' };
  it('says no without any decision, and no for the other layers', () => {
    expect(disclosureAllowed([], shelter, at)).toBe(false);
    expect(disclosureAllowed([rec({ layer: 'services' })], shelter, at)).toBe(false);
  });
  it('lets the most specific decision win, then the latest, then a refusal', () => {
    expect(disclosureAllowed([rec({}), rec({ decision: 'refused', organisationId: 'org-shelter' })], shelter, at)).toBe(false);
    expect(disclosureAllowed([rec({ decision: 'refused' }), rec({ serviceType: 'shelter' })], shelter, at)).toBe(true);
    expect(disclosureAllowed([rec({ decision: 'refused', serviceType: 'shelter' }), rec({ organisationId: 'org-shelter' })], shelter, at)).toBe(true);
    expect(disclosureAllowed([rec({ decision: 'refused' }), rec({ givenAt: new Date('2026-05-20T00:00:00Z') })], shelter, at)).toBe(true);
    expect(disclosureAllowed([rec({}), rec({ decision: 'refused' })], shelter, at)).toBe(false);
  });
  it('ignores a decision withdrawn before, or given after, the moment of disclosure', () => {
    expect(disclosureAllowed([rec({ withdrawnAt: new Date('2026-05-31T00:00:00Z') })], shelter, at)).toBe(false);
    expect(disclosureAllowed([rec({ withdrawnAt: new Date('2026-06-02T00:00:00Z') })], shelter, at)).toBe(true);
    expect(disclosureAllowed([rec({ givenAt: new Date('2026-06-02T00:00:00Z') })], shelter, at)).toBe(false);
  });
  it('reads the services layer from its latest decision in force', () => {
    expect(layerGranted([rec({ layer: 'services' })], 'services', at)).toBe(true);
    expect(layerGranted([rec({ layer: 'services' }), rec({ layer: 'services', decision: 'refused', givenAt: new Date('2026-05-15T00:00:00Z') })], 'services', at)).toBe(false);
    expect(layerGranted([rec({ layer: 'services', withdrawnAt: new Date('2026-05-02T00:00:00Z') })], 'services', at)).toBe(false);
  });
});

describe('when a consent takes effect', () => {
  it('keeps the time given, unless it is ahead of the server', () => {
    expect(consentTime('2026-05-31T10:00:00Z', at).toISOString()).toBe('2026-05-31T10:00:00.000Z');
    expect(consentTime('2026-06-01T12:30:00Z', at)).toBe(at);
  });
});

describe('who gives consent', () => {
  const yes = (givenBy: 'self' | 'caregiver' | 'guardian' | 'caseworker_best_interests', childAssent: 'given' | 'refused' | 'not_applicable' = 'not_applicable') => ({ givenBy, childAssent, decision: 'granted' as const });
  it.each([
    [{ isChild: false, ageYears: 30 }, yes('self'), null],
    [{ isChild: false, ageYears: 30 }, yes('caregiver'), 'consent_adult_gives_own'],
    [{ isChild: true, ageYears: 4 }, yes('caregiver'), null],
    [{ isChild: true, ageYears: 4 }, yes('self'), 'consent_child_needs_adult'],
    [{ isChild: true, ageYears: 9 }, yes('guardian', 'given'), null],
    [{ isChild: true, ageYears: 9 }, yes('guardian'), 'consent_child_assent_needed'],
    [{ isChild: true, ageYears: 13 }, yes('caregiver', 'refused'), 'consent_child_assent_refused'],
    [{ isChild: true, ageYears: 13 }, yes('caseworker_best_interests', 'refused'), null],
    [{ isChild: true, ageYears: 16 }, yes('self'), null],
    [{ isChild: true, ageYears: 16 }, yes('caregiver'), 'consent_child_permission_needed'],
    [{ isChild: true, ageYears: 16 }, yes('caregiver', 'given'), null],
    // Age unknown or uncertain: treated as a child of 12–14.
    [{ isChild: true, ageYears: null }, yes('self'), 'consent_child_needs_adult'],
    [{ isChild: true, ageYears: 20 }, yes('caregiver', 'given'), null],
  ] as const)('%o %o → %s', (person, consent, expected) => {
    expect(consentGiverProblem(person, consent)).toBe(expected);
  });
  it('lets anyone record a refusal for a child', () => {
    expect(consentGiverProblem({ isChild: true, ageYears: 8 }, { givenBy: 'self', childAssent: 'refused', decision: 'refused' })).toBeNull();
  });
});

describe('age', () => {
  it('reads full, month-only and year-only dates of birth, else the estimate', () => {
    expect(ageInYears({ dateOfBirth: '2010-06-02' }, at)).toBe(15);
    expect(ageInYears({ dateOfBirth: '2010-06-01' }, at)).toBe(16);
    expect(ageInYears({ dateOfBirth: '2010-05' }, at)).toBe(16);
    expect(ageInYears({ dateOfBirth: '2010' }, at)).toBe(15); // mid-year: not yet
    expect(ageInYears({ estimatedAge: 12 }, at)).toBe(12);
    expect(ageInYears({}, at)).toBeNull();
  });
  it('bands ages as the consent rules do', () => {
    expect([0, 5, 6, 11, 12, 14, 15, 17, 18, 24, 25, 59, 60].map(ageBandOf)).toEqual(['0-5', '0-5', '6-11', '6-11', '12-14', '12-14', '15-17', '15-17', '18-24', '18-24', '25-59', '25-59', '60+']);
    expect(ageBandOf(null)).toBe('unknown');
  });
});
