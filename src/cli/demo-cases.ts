import type { ConsentDecision } from '../domain/cases/consent.ts';
import type { PersonIdentity } from '../domain/cases/identity.ts';

/**
 * Fictional persons for the demonstration install: invented names, dates and numbers, no real
 * person. Two records of the same woman are held by two organisations (spelled differently),
 * so that a demo shows the duplicate warning and the coordinator's link request.
 */
export interface DemoCase {
  key: string;
  organisation: string;
  regionPcode: string;
  identity: Partial<PersonIdentity> & { givenName: string };
  sex: 'female' | 'male';
  child?: boolean;
}

export const DEMO_CASES: readonly DemoCase[] = [
  { key: 'kayes-1', organisation: 'ml-social', regionPcode: 'ML01', sex: 'female', identity: { givenName: 'Fatoumata', familyName: 'Traoré', dateOfBirth: '2001-03-05', phone: '+223 70 11 22 33', motherName: 'Awa Diallo', placeOfOrigin: 'Nioro du Sahel' } },
  { key: 'gao-1', organisation: 'ml-shelter', regionPcode: 'ML07', sex: 'male', child: true, identity: { givenName: 'Boubacar', familyName: 'Maïga', estimatedAge: 15, placeOfOrigin: 'Ansongo', caregiverName: 'Hamidou Maïga', caregiverPhone: '+223 66 00 11 22' } },
  { key: 'gao-2', organisation: 'ml-shelter', regionPcode: 'ML07', sex: 'female', identity: { givenName: 'Fanta', familyName: 'Traore', dateOfBirth: '2001', phone: '0022370112233', motherName: 'Awa Diallo' } },
  { key: 'kadiogo-1', organisation: 'bf-social', regionPcode: 'BF13', sex: 'male', identity: { givenName: 'Salif', familyName: 'Ouédraogo', dateOfBirth: '1994-11-20', phone: '+226 70 00 12 34', placeOfOrigin: 'Ouahigouya' } },
];

export function demoConsents(c: DemoCase, givenAt: string): ConsentDecision[] {
  const base = { decision: 'granted' as const, language: 'bm', givenAt };
  const giver = c.child ? { givenBy: 'caregiver' as const, childAssent: 'given' as const } : { givenBy: 'self' as const, childAssent: 'not_applicable' as const };
  return [
    { ...base, ...giver, layer: 'services' },
    { ...base, ...giver, layer: 'disclosure' },
    { ...base, ...giver, layer: 'reporting' },
  ];
}
