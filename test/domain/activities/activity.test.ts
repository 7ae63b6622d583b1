import { describe, expect, it } from 'vitest';
import { type ActivityInput, activityDays, activitySchema } from '../../../src/domain/activities/activity.ts';

const ORG = '0b7c2f4e-3c1a-4d5e-9f10-2a3b4c5d6e7f';

/** A two-day border forum in Bougouni, as an officer would plan it. */
const forum = (): ActivityInput => ({
  type: 'forum',
  title: 'Forum communautaire frontalier de Bougouni',
  objectives: ['Renforcer la confiance entre communautés et forces de sécurité', 'Faire connaître le mécanisme de référencement'],
  themes: ['nrm_sop', 'Droits des migrants aux postes frontières'],
  audiences: ['security_forces', 'community_leaders', 'women', 'youth'],
  locationPcode: 'ML0302',
  venue: 'Salle de la mairie, Bougouni',
  startDate: '2026-12-08',
  endDate: '2026-12-09',
  organiserOrganisationIds: [ORG],
  facilitators: [{ name: 'Aminata Traoré', organisationId: ORG, role: 'Chargée de protection' }, { name: 'Moussa Coulibaly' }],
  programme: {
    sessions: [
      { day: 1, startTime: '08:30', endTime: '10:00', theme: 'Ouverture et attentes', facilitator: 'Aminata Traoré' },
      { day: 2, startTime: '14:00', endTime: '15:30', theme: 'nrm_sop', facilitator: 'Moussa Coulibaly' },
    ],
    groupWork: [
      {
        topic: 'Accueil d’un enfant non accompagné au poste frontière',
        exerciseType: 'role_play',
        instructions: 'Trois rôles : agent, enfant, travailleur social.',
        materials: ['Fiche de cas', 'Tableau de papier'],
        output: 'Le groupe propose un contact direct avec la DRDSES.',
        day: 2,
      },
    ],
  },
});

function codesOf(input: unknown): (string | undefined)[] {
  const result = activitySchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => (i.code === 'custom' ? (i.params as { code?: string } | undefined)?.code : i.code));
}

describe('activity schema', () => {
  it('accepts a full two-day forum and keeps every field', () => {
    const parsed = activitySchema.parse(forum());
    expect(parsed.programme.sessions).toHaveLength(2);
    expect(parsed.programme.groupWork[0]?.exerciseType).toBe('role_play');
    expect(parsed.facilitators[1]).toEqual({ name: 'Moussa Coulibaly' });
  });

  it('accepts a region (admin-1) as well as a cercle (admin-2), and refuses an unknown P-code', () => {
    expect(activitySchema.safeParse({ ...forum(), locationPcode: 'ML03' }).success).toBe(true);
    expect(codesOf({ ...forum(), locationPcode: 'ML99' })).toEqual(['unknown_pcode']);
  });

  it('fills defaults for a bare one-day plan', () => {
    const { facilitators: _f, programme: _p, themes: _t, venue: _v, ...bare } = forum();
    const parsed = activitySchema.parse({ ...bare, endDate: bare.startDate });
    expect(parsed).toMatchObject({ themes: [], facilitators: [], programme: { sessions: [], groupWork: [] } });
  });

  it('refuses an end before the start with its code, on endDate', () => {
    const result = activitySchema.safeParse({ ...forum(), endDate: '2026-12-07' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['endDate'], params: { code: 'activity_end_before_start' } })]);
  });

  it('refuses a session that ends before it starts, or falls after the last day', () => {
    const a = forum();
    a.programme!.sessions![0]!.endTime = '08:00';
    expect(codesOf(a)).toEqual(['activity_session_end_before_start']);
    const b = forum();
    b.programme!.sessions![1]!.day = 3;
    expect(codesOf(b)).toEqual(['activity_day_outside_dates']);
    const c = forum();
    c.programme!.groupWork![0]!.day = 3;
    expect(codesOf(c)).toEqual(['activity_day_outside_dates']);
  });

  it('refuses a span longer than a month, bad times and unknown codes', () => {
    expect(codesOf({ ...forum(), endDate: '2027-01-08' })).toEqual(['activity_too_long']);
    const a = forum();
    a.programme!.sessions![0]!.startTime = '8:30';
    expect(codesOf(a)).toEqual(['invalid_format']);
    expect(codesOf({ ...forum(), type: 'party' })).toEqual(['invalid_value']);
    expect(codesOf({ ...forum(), audiences: ['tourists'] })).toEqual(['invalid_value']);
    expect(codesOf({ ...forum(), objectives: [] })).toEqual(['too_small']);
  });

  it('gives a badly typed date one message, not a second one about the order', () => {
    expect(codesOf({ ...forum(), endDate: '2026-12-7' })).toEqual(['invalid_format']);
  });

  it('counts days with both ends included', () => {
    expect(activityDays('2026-12-08', '2026-12-08')).toBe(1);
    expect(activityDays('2026-12-30', '2027-01-02')).toBe(4);
  });
});
