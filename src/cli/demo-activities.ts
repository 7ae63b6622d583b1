import { SATISFACTION_ITEMS, SATISFACTION_SCALE, knowledgeNrmForm, satisfactionForm } from '../domain/activities/forms/index.ts';
import type { AgeBand, Sex } from '../domain/cases/identity.ts';
import type { ParticipantCategory } from '../domain/activities/attendance.ts';
import { questions } from '../domain/forms/definition.ts';
import type { CommandReceipt } from '../server/commands/run.ts';

/**
 * Fictional community activities of the Gao relays, so that a demonstration shows a forum that
 * took place (attendance over two days, tests before and after, a satisfaction survey, its
 * report) and a training still to come. Applied through the real commands, in order; the dates
 * are fixed, so a second run replays the same commands and changes nothing.
 */
type Run = (name: string, key: string, input: unknown) => Promise<CommandReceipt>;

interface DemoParticipant {
  sex: Sex;
  ageBand: AgeBand;
  category: ParticipantCategory;
  /** Given only when the person agreed to be named (fictional names). */
  name?: string;
  days: number[];
  /** Questions of ten answered right, before and after (null: no test after). */
  pre: number;
  post: number | null;
  /** 1–5 on every satisfaction item, or null: no survey handed in. */
  satisfaction: number | null;
}

const PARTICIPANTS: readonly DemoParticipant[] = [
  { sex: 'female', ageBand: '25-59', category: 'community_leaders', name: 'Haoua T. (démo)', days: [1, 2], pre: 5, post: 9, satisfaction: 5 },
  { sex: 'male', ageBand: '25-59', category: 'security_forces', days: [1, 2], pre: 4, post: 8, satisfaction: 4 },
  { sex: 'male', ageBand: '25-59', category: 'security_forces', days: [1, 2], pre: 6, post: 7, satisfaction: 4 },
  { sex: 'male', ageBand: '60+', category: 'religious_leaders', name: 'Alhousseini M. (démo)', days: [1, 2], pre: 3, post: 6, satisfaction: 5 },
  { sex: 'female', ageBand: '18-24', category: 'youth', days: [1, 2], pre: 5, post: 8, satisfaction: 3 },
  { sex: 'female', ageBand: '25-59', category: 'women', days: [1, 2], pre: 4, post: 4, satisfaction: 4 },
  { sex: 'male', ageBand: '18-24', category: 'migrants', days: [1], pre: 2, post: null, satisfaction: null },
  { sex: 'male', ageBand: '25-59', category: 'local_authorities', days: [2], pre: 7, post: 9, satisfaction: 4 },
];

/** The first `right` scored questions answered right, the others with a wrong choice. */
function knowledgeAnswers(right: number): Record<string, string> {
  const scored = questions(knowledgeNrmForm).filter((q) => q.scoring);
  return Object.fromEntries(
    scored.map((q, i) => {
      const choices = knowledgeNrmForm.choices[q.listName ?? ''] ?? [];
      const correct = q.scoring?.correct ?? [];
      const pick = i < right ? choices.find((c) => correct.includes(c.name)) : choices.find((c) => !correct.includes(c.name));
      return [q.name, pick?.name ?? ''];
    }),
  );
}

function surveyAnswers(level: number): Record<string, string> {
  const scale = satisfactionForm.choices[SATISFACTION_SCALE] ?? [];
  return Object.fromEntries(SATISFACTION_ITEMS.map((item) => [item, scale[level - 1]?.name ?? '']));
}

export async function seedDemoActivities(run: Run, organisationId: string): Promise<void> {
  const version = (receipt: CommandReceipt) => (receipt.result as { version: number }).version;
  const forum = await run('activity.create', 'gao-forum', {
    organisationId,
    activity: {
      type: 'forum',
      title: 'Forum communautaire sur la migration sûre (démo)',
      objectives: ['Faire connaître le mécanisme national de référencement aux leaders et aux forces de sécurité', 'Convenir de qui appeler quand une victime possible est repérée'],
      themes: ['theme_nrm_sop', 'theme_trafficking_identification'],
      audiences: ['community_leaders', 'religious_leaders', 'security_forces', 'youth', 'women'],
      locationPcode: 'ML07',
      venue: 'Maison des jeunes, Gao',
      startDate: '2026-10-14',
      endDate: '2026-10-15',
      organiserOrganisationIds: [organisationId],
      facilitators: [{ name: 'Seydou M. (démo)', role: 'Relais communautaire' }],
      programme: {
        sessions: [
          { day: 1, startTime: '09:00', endTime: '10:30', theme: 'Le mécanisme national de référencement', facilitator: 'Seydou M. (démo)' },
          { day: 2, startTime: '09:00', endTime: '11:00', theme: 'Les indicateurs de la traite' },
        ],
        groupWork: [
          {
            topic: 'Étude de cas : une fille en transit à la gare routière',
            exerciseType: 'case_study',
            day: 2,
            output: 'Mettre la jeune fille à l’abri, prévenir le service de protection de l’enfance, ne pas l’interroger devant la « tante ».',
          },
        ],
      },
    },
    attendanceMode: 'named',
    knowledgeTestFormKey: knowledgeNrmForm.formId,
    satisfactionFormKey: satisfactionForm.formId,
  });
  const activityId = (forum.result as { activityId: string }).activityId;
  const confirmed = await run('activity.confirm', 'gao-forum', { activityId, expectedVersion: version(forum) });
  const codes: string[] = [];
  for (const [i, p] of PARTICIPANTS.entries()) {
    const { name, days, sex, ageBand, category } = p;
    const added = await run('activity.add_participant', `gao-forum:${i}`, { activityId, sex, ageBand, category, consentToBeNamed: name !== undefined, ...(name ? { name } : {}), days });
    codes.push((added.result as { participantCode: string }).participantCode);
  }
  for (const [i, p] of PARTICIPANTS.entries()) {
    const code = codes[i];
    await run('activity.record_evaluation', `gao-forum:pre:${i}`, { activityId, kind: 'pre', participantCode: code, formVersion: 1, answers: knowledgeAnswers(p.pre), source: 'paper' });
    if (p.post !== null) await run('activity.record_evaluation', `gao-forum:post:${i}`, { activityId, kind: 'post', participantCode: code, formVersion: 1, answers: knowledgeAnswers(p.post), source: 'paper' });
    if (p.satisfaction !== null) await run('activity.record_evaluation', `gao-forum:satisfaction:${i}`, { activityId, kind: 'satisfaction', participantCode: null, formVersion: 1, answers: surveyAnswers(p.satisfaction), source: 'paper' });
  }
  // Every command above bumped the version: hold names the one the last of them left.
  const after = PARTICIPANTS.length * 2 + PARTICIPANTS.filter((p) => p.post !== null).length + PARTICIPANTS.filter((p) => p.satisfaction !== null).length;
  const held = await run('activity.hold', 'gao-forum', { activityId, expectedVersion: version(confirmed) + after });
  await run('activity.update_report_texts', 'gao-forum', {
    activityId,
    expectedVersion: version(held),
    summary: '',
    recommendations: 'Afficher les numéros des services de protection aux postes de contrôle de la région.\n\nTenir un forum semblable à Ansongo au premier trimestre.',
  });

  await run('activity.create', 'gao-training', {
    organisationId,
    activity: {
      type: 'training',
      title: 'Formation des relais sur les procédures opérationnelles standard (démo)',
      objectives: ['Connaître les étapes du référencement et le consentement'],
      themes: ['theme_nrm_sop'],
      audiences: ['partners', 'community_leaders'],
      locationPcode: 'ML07',
      venue: 'Salle de réunion du relais, Gao',
      startDate: '2027-02-10',
      endDate: '2027-02-11',
      organiserOrganisationIds: [organisationId],
    },
    attendanceMode: 'named',
    knowledgeTestFormKey: knowledgeNrmForm.formId,
    satisfactionFormKey: satisfactionForm.formId,
  });
}
