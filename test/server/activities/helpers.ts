import type { LightMyRequestResponse } from 'fastify';
import { v4 as uuidv4 } from 'uuid';
import { expect } from 'vitest';
import type { FormDefinition } from '../../../src/domain/forms/definition.ts';
import type { Role } from '../../../src/domain/identity/roles.ts';
import { type Session, TEST_PASSWORD, type TestApp, createOrganisationAndUser, login, postCommand, systemCommand } from '../../support/app.ts';

/** Three organisations: A runs activities, B co-organises, C has nothing to do with them. */
export interface ActivityWorld {
  orgA: string;
  orgB: string;
  orgC: string;
  officerA: Session;
  officerB: Session;
  officerC: Session;
  coordinator: Session;
  /** A member of A who may not manage activities (case manager). */
  caseManagerA: Session;
}

export async function userIn(t: TestApp, organisationId: string, roles: Role[]): Promise<Session> {
  const email = `u-${uuidv4().slice(0, 8)}@example.org`;
  await systemCommand(t, 'user.create', { userId: uuidv4(), email, displayName: 'Fanta Test', password: TEST_PASSWORD, organisationId, roles });
  return login(t, email);
}

export async function buildWorld(t: TestApp): Promise<ActivityWorld> {
  const a = await createOrganisationAndUser(t, ['community_engagement_officer']);
  const b = await createOrganisationAndUser(t, ['community_engagement_officer']);
  const c = await createOrganisationAndUser(t, ['community_engagement_officer']);
  return {
    orgA: a.organisationId,
    orgB: b.organisationId,
    orgC: c.organisationId,
    officerA: await login(t, a.email),
    officerB: await login(t, b.email),
    officerC: await login(t, c.email),
    coordinator: await userIn(t, a.organisationId, ['nrm_coordinator']),
    caseManagerA: await userIn(t, a.organisationId, ['case_manager']),
  };
}

export function plan(organiserIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    type: 'workshop',
    title: 'Atelier sur le référencement (test)',
    objectives: ['Connaître le mécanisme national de référencement'],
    themes: ['referral_basics'],
    audiences: ['community_leaders'],
    locationPcode: 'ML01',
    venue: 'Salle de la mairie, Kayes',
    startDate: '2026-12-01',
    endDate: '2026-12-02',
    organiserOrganisationIds: organiserIds,
    facilitators: [{ name: 'Awa Traoré', role: 'Chargée de protection' }],
    programme: { sessions: [{ day: 1, startTime: '09:00', endTime: '10:30', theme: 'Le MNR' }], groupWork: [{ topic: 'Étude de cas', exerciseType: 'case_study' }] },
    ...overrides,
  };
}

export async function command(t: TestApp, session: Session, name: string, input: unknown): Promise<LightMyRequestResponse> {
  return postCommand(t, session, name, uuidv4(), input);
}

/** Runs a command that must succeed and returns its result. */
export async function ok<R = Record<string, unknown>>(t: TestApp, session: Session, name: string, input: unknown): Promise<R> {
  const res = await command(t, session, name, input);
  expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  return res.json().result as R;
}

export function get(t: TestApp, session: Session, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
}

export async function createActivity(t: TestApp, session: Session, input: Record<string, unknown>): Promise<{ activityId: string; version: number }> {
  return ok(t, session, 'activity.create', input);
}

/** Walks an activity through the lifecycle up to `state`; returns its version then. */
export async function advance(t: TestApp, session: Session, activityId: string, version: number, events: string[]): Promise<number> {
  let v = version;
  for (const event of events) v = (await ok<{ version: number }>(t, session, `activity.${event}`, { activityId, expectedVersion: v })).version;
  return v;
}

/** A three-question knowledge test (1 point each) and a satisfaction survey, published at version 1. */
export function knowledgeForm(formKey: string): FormDefinition {
  const yesNo = (name: string, fr: string, correct: string) => ({ kind: 'question' as const, name, type: 'select_one' as const, listName: 'yes_no', label: { fr, en: `${fr} (en)` }, scoring: { correct: [correct], points: 1 } });
  return {
    formId: formKey,
    title: { fr: 'Test de connaissances', en: 'Knowledge test' },
    languages: [
      { code: 'fr', name: 'Français' },
      { code: 'en', name: 'English' },
    ],
    defaultLanguage: 'fr',
    choices: { yes_no: [{ name: 'yes', label: { fr: 'Oui', en: 'Yes' } }, { name: 'no', label: { fr: 'Non', en: 'No' } }] },
    children: [yesNo('q1', 'Un enfant seul est-il vulnérable ?', 'yes'), yesNo('q2', 'Faut-il le consentement pour orienter ?', 'yes'), yesNo('q3', 'La traite est-elle légale ?', 'no')],
  };
}

export function satisfactionForm(formKey: string): FormDefinition {
  const levels = ['1', '2', '3', '4', '5'].map((n) => ({ name: `l${n}`, label: { fr: `Niveau ${n}`, en: `Level ${n}` } }));
  return {
    formId: formKey,
    title: { fr: 'Satisfaction', en: 'Satisfaction' },
    languages: [
      { code: 'fr', name: 'Français' },
      { code: 'en', name: 'English' },
    ],
    defaultLanguage: 'fr',
    choices: { scale: levels },
    children: [
      { kind: 'question', name: 'useful', type: 'select_one', listName: 'scale', label: { fr: 'Utilité', en: 'Usefulness' } },
      { kind: 'question', name: 'venue', type: 'select_one', listName: 'scale', label: { fr: 'Salle', en: 'Venue' } },
      { kind: 'question', name: 'comment', type: 'text', label: { fr: 'Commentaire', en: 'Comment' } },
    ],
  };
}

export async function publishForm(t: TestApp, definition: FormDefinition): Promise<void> {
  const formId = uuidv4();
  const created = await systemCommand(t, 'form.create', { formId, definition });
  if (created.status !== 'applied') throw new Error('form.create failed');
  await systemCommand(t, 'form.publish_version', { formId, version: 1 });
}
