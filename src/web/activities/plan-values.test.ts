import { describe, expect, it } from 'vitest';
import { createActivityInput, updateActivityInput } from '../../domain/activities/schemas.ts';
import type { ActivityDetail } from './activities-api.ts';
import { emptyValues, fieldPath, planDays, planResolver, toActivity, toCommandFields, valuesFromDetail, withOutputs } from './plan-values.ts';

const OWN = '0193a3f0-0000-7000-8000-000000000001';
const PARTNER = '0193a3f0-0000-7000-8000-000000000002';
const ACTIVITY = '0193a3f0-0000-7000-8000-000000000003';

const detail: ActivityDetail = {
  id: ACTIVITY,
  organisationId: OWN,
  state: 'held',
  version: 4,
  activity: {
    type: 'forum',
    title: 'Forum frontalier de Bougouni',
    objectives: ['Faire connaître le mécanisme de référencement'],
    themes: ['nrm_sops', 'Rôle des transporteurs'],
    audiences: ['security_forces', 'community_leaders'],
    locationPcode: 'ML0303',
    venue: 'Salle de la mairie',
    startDate: '2026-12-01',
    endDate: '2026-12-02',
    organiserOrganisationIds: [OWN, PARTNER],
    facilitators: [{ name: 'Awa Traoré', role: 'Chargée de protection' }],
    programme: {
      sessions: [{ day: 2, startTime: '09:00', endTime: '10:30', theme: 'Indicateurs de la traite' }],
      groupWork: [{ topic: 'Contrôle au poste frontière', exerciseType: 'role_play', instructions: 'Jouer la scène.', materials: ['Fiches', 'Feutres'], output: 'Orienter vers la DRDSES.', day: 2 }],
    },
  },
  attendanceMode: 'named',
  knowledgeTestFormKey: 'sira_activity_knowledge_nrm',
  satisfactionFormKey: null,
  summary: '',
  recommendations: '',
  cancelReason: null,
  basedOnActivityId: null,
  allowedEvents: ['report'],
  canManage: true,
  attendance: { days: [], overall: { total: 0, bySex: {}, byAgeBand: {}, byCategory: {} }, overallMethod: 'distinct_participants', participantDays: 0 } as unknown as ActivityDetail['attendance'],
  evaluationCounts: { pre: 0, post: 0, satisfaction: 0 },
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
};

const options = { shouldUseNativeValidation: false, fields: {} } as never;

describe('the planning form values', () => {
  it('round-trips a stored plan through the form into a valid update', () => {
    const values = valuesFromDetail(detail);
    expect(values.region).toBe('ML03');
    expect(values.area).toBe('ML0303');
    expect(values.coOrganiserIds).toEqual([PARTNER]);
    expect(values.groupWork[0]?.materials).toBe('Fiches\nFeutres');
    const input = { activityId: ACTIVITY, expectedVersion: 4, activity: toActivity(values, OWN), ...toCommandFields(values) };
    const parsed = updateActivityInput.parse(input);
    expect(parsed.activity).toEqual(detail.activity);
    expect(parsed.knowledgeTestFormKey).toBe('sira_activity_knowledge_nrm');
  });

  it('copies a past activity without its dates or group outputs', () => {
    const values = valuesFromDetail(detail, true);
    expect(values.startDate).toBe('');
    expect(values.endDate).toBe('');
    expect(values.groupWork[0]?.output).toBe('');
    expect(values.groupWork[0]?.topic).toBe('Contrôle au poste frontière');
    expect(values.sessions).toHaveLength(1);
  });

  it('drops empty rows and puts the running organisation first among the organisers', () => {
    const values = { ...emptyValues(), objectives: [{ text: 'Former' }, { text: '  ' }], facilitators: [{ name: '', role: '' }], coOrganiserIds: [PARTNER, OWN] };
    const activity = toActivity(values, OWN);
    expect(activity.objectives).toEqual(['Former']);
    expect(activity.facilitators).toEqual([]);
    expect(activity.organiserOrganisationIds).toEqual([OWN, PARTNER]);
  });

  it('brings each issue back to the box that caused it', () => {
    const values = emptyValues();
    expect(fieldPath(['activity', 'objectives', '0'], values)).toBe('objectives.0.text');
    expect(fieldPath(['activity', 'locationPcode'], values)).toBe('region');
    expect(fieldPath(['activity', 'locationPcode'], { ...values, area: 'ML9999' })).toBe('area');
    expect(fieldPath(['activity', 'programme', 'sessions', '1', 'endTime'], values)).toBe('sessions.1.endTime');
    expect(fieldPath(['activity', 'programme', 'sessions'], values)).toBe('sessions');
    expect(fieldPath(['activity', 'programme', 'groupWork', '0', 'materials', '2'], values)).toBe('groupWork.0.materials');
    expect(fieldPath(['activity', 'organiserOrganisationIds'], values)).toBe('coOrganiserIds');
  });

  it('says in French what is missing and what is wrong', async () => {
    const resolver = planResolver(createActivityInput, 'fr', OWN, { basedOnActivityId: null });
    const values = {
      ...emptyValues(),
      type: 'forum',
      title: 'Forum',
      objectives: [{ text: 'Former' }],
      audiences: ['women'],
      region: 'ML03',
      startDate: '2026-12-02',
      endDate: '2026-12-01',
      sessions: [{ day: '1', startTime: '10:00', endTime: '09:00', theme: 'Accueil', facilitator: '' }],
    };
    const result = await resolver(values, undefined, options);
    const errors = result.errors as Record<string, unknown>;
    expect(Object.keys(errors).sort()).toEqual(['endDate', 'sessions']);
    expect((errors.endDate as { message: string }).message).not.toBe('');
    const fixed = await resolver({ ...values, endDate: '2026-12-03', sessions: [{ ...values.sessions[0]!, endTime: '11:00' }] }, undefined, options);
    expect(fixed.errors).toEqual({});
    expect((fixed.values as { activity: { locationPcode: string } }).activity.locationPcode).toBe('ML03');
  });

  it('counts the days the dates span, and none for unreadable or reversed dates', () => {
    expect(planDays('2026-12-01', '2026-12-02')).toBe(2);
    expect(planDays('2026-12-02', '2026-12-01')).toBeUndefined();
    expect(planDays('', '2026-12-01')).toBeUndefined();
  });

  it('replaces only the group outputs of the stored plan', () => {
    const next = withOutputs(detail.activity, [' Orienter vers le service social. ']);
    expect(next.programme.groupWork[0]?.output).toBe('Orienter vers le service social.');
    expect(next.programme.groupWork[0]?.topic).toBe('Contrôle au poste frontière');
    expect(next.title).toBe(detail.activity.title);
  });
});
