import { describe, expect, it } from 'vitest';
import { type CommunityProfileInput, communityProfileSchema, consultationIds, isLocalityPcode } from '../../../src/domain/community/profile.ts';

const CONSULTATION = '0193a1c2-0000-7000-8000-000000000001';
const profile = (over: Partial<CommunityProfileInput> = {}): CommunityProfileInput => ({
  locationPcode: 'ML0101',
  localityName: "Kayes N'Di",
  asOf: '2026-11-20',
  flows: [{ direction: 'return', description: 'Retours de Mauritanie par la route de Diboli', estimatePerMonth: 300 }],
  sources: [
    { kind: 'consultation', title: 'Consultation des leaders du quartier', date: '2026-11-12', activityId: CONSULTATION },
    { kind: 'document', title: 'Rapport annuel du service social (démo)' },
  ],
  ...over,
});
const codes = (input: CommunityProfileInput) => (communityProfileSchema.safeParse(input).error?.issues ?? []).map((i) => (i as { params?: { code?: string } }).params?.code ?? i.code);

describe('a community profile', () => {
  it('is placed by a region, cercle or commune P-code under a known region', () => {
    expect(['ML01', 'ML0101', 'ML010101', 'BF1301'].map(isLocalityPcode)).toEqual([true, true, true, true]);
    expect(['ML99', 'ML9901', 'ML01010', 'XX010101', 'ML990101'].map(isLocalityPcode)).toEqual([false, false, false, false, false]);
    expect(codes(profile({ locationPcode: 'ML990101' }))).toEqual(['unknown_pcode']);
  });

  it('lists its sources, none later than the day it describes, and links consultations as activities', () => {
    expect(codes(profile())).toEqual([]);
    expect(codes(profile({ sources: [] }))).toEqual(['too_small']);
    expect(codes(profile({ sources: [{ kind: 'consultation', title: 'Après coup', date: '2026-12-01' }] }))).toEqual(['profile_source_after_profile']);
    expect(codes(profile({ sources: [{ kind: 'document', title: 'Un rapport', activityId: CONSULTATION }] }))).toEqual(['profile_source_activity_kind']);
    const parsed = communityProfileSchema.parse(profile({ sources: [...profile().sources, { kind: 'focus_group', title: 'Groupe de femmes', activityId: CONSULTATION }] }));
    expect(consultationIds(parsed)).toEqual([CONSULTATION]);
  });

  it('links each directory service once, never copies it', () => {
    const id = '0193a1c2-0000-7000-8000-0000000000aa';
    expect(codes(profile({ serviceIds: [id, id] }))).toEqual(['profile_duplicate_service']);
    expect(communityProfileSchema.parse(profile({ serviceIds: [id] })).serviceIds).toEqual([id]);
  });
});
