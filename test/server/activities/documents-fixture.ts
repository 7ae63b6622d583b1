import { attendanceTotals } from '../../../src/domain/activities/attendance.ts';
import { evaluateKnowledgeTests, type KnowledgeTest, summariseLikert } from '../../../src/domain/activities/evaluation.ts';
import type { ActivityReportData, ReportParticipant } from '../../../src/server/activities/documents/report-data.ts';

/** Codes with valid check symbols, drawn once with newParticipantCode. */
export const CODES = ['P-CE9S-AE', 'P-WR9B-9V', 'P-NZJE-9K', 'P-ZQV6-0E'];

export const PARTICIPANTS: ReportParticipant[] = [
  { participantCode: CODES[0]!, sex: 'female', ageBand: '25-59', category: 'community_leaders', consentToBeNamed: true, name: 'Kadiatou Ɲɛnɛ Diarra', days: [1, 2] },
  { participantCode: CODES[1]!, sex: 'male', ageBand: '18-24', category: 'security_forces', consentToBeNamed: false, name: null, days: [1] },
  { participantCode: CODES[2]!, sex: 'female', ageBand: '60+', category: 'religious_leaders', consentToBeNamed: false, name: 'Nom Qui Ne Doit Pas Sortir', days: [2] },
  { participantCode: CODES[3]!, sex: 'male', ageBand: '25-59', category: 'other', consentToBeNamed: true, name: 'Moussa Coulibaly', days: [1, 2] },
];

const test = (participantCode: string | null, phase: 'pre' | 'post', scores: number[]): KnowledgeTest => ({ participantCode, phase, answers: scores.map((score, i) => ({ questionId: `q${i + 1}`, score, maxScore: 1 })) });

export const TESTS: KnowledgeTest[] = [
  test(CODES[0]!, 'pre', [1, 0, 0]),
  test(CODES[1]!, 'pre', [0, 0, 1]),
  test(CODES[3]!, 'pre', [1, 1, 0]),
  test(CODES[0]!, 'post', [1, 1, 1]),
  test(CODES[1]!, 'post', [1, 0, 1]),
  test(null, 'post', [1, 1, 0]),
];

export function reportData(overrides: Partial<ActivityReportData> = {}): ActivityReportData {
  const participants = overrides.participants ?? PARTICIPANTS;
  return {
    activityId: '0190a0b0-0000-7000-8000-000000000001',
    type: 'forum',
    title: 'Forum frontalier de Bougouni',
    state: 'held',
    startDate: '2026-03-12',
    endDate: '2026-03-13',
    days: 2,
    venue: 'Salle de la mairie, Bougouni',
    locationPcode: 'ML03',
    regionName: 'Sikasso',
    runningOrganisation: 'Association Kɛnɛya',
    organisers: ['Association Kɛnɛya', 'DRDSES Sikasso'],
    objectives: ['Faire connaître le mécanisme national de référencement'],
    themes: ['Traite des personnes'],
    audiences: ['security_forces', 'community_leaders'],
    facilitators: [{ name: 'Awa Traoré', role: 'Chargée de protection' }],
    sessions: [{ day: 1, startTime: '09:00', endTime: '10:30', theme: 'Le MNR', facilitator: 'Awa Traoré' }],
    groupWork: [{ topic: 'Orienter un enfant seul', exerciseType: 'case_study', instructions: '', materials: [], output: 'Le groupe a tracé le circuit vers le service social.' }],
    summary: '',
    recommendations: 'Tenir un deuxième forum à Sikasso.',
    attendanceMode: 'named',
    attendance: attendanceTotals({ mode: 'named', participants: participants.map(({ name: _n, ...p }) => p) }),
    participants,
    knowledge: evaluateKnowledgeTests(TESTS),
    questions: [
      { id: 'q1', label: 'Un enfant seul est-il vulnérable ?' },
      { id: 'q2', label: 'Faut-il le consentement pour orienter ?' },
      { id: 'q3', label: 'La traite est-elle légale ?' },
    ],
    satisfaction: {
      items: summariseLikert([
        { itemId: 'useful', value: 5 },
        { itemId: 'useful', value: 4 },
        { itemId: 'venue', value: 3 },
        { itemId: 'venue', value: null },
      ]),
      labels: [
        { id: 'useful', label: 'Utilité' },
        { id: 'venue', label: 'Salle' },
      ],
    },
    ...overrides,
  };
}

