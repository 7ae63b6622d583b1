import { arrayContains } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE_NRM_FORM_KEY } from '../../../src/domain/activities/forms/index.ts';
import { BUILTIN_EXERCISES, BUILTIN_LIBRARY, BUILTIN_QUESTIONNAIRES, BUILTIN_THEMES } from '../../../src/domain/activities/library-builtin.ts';
import type { LibraryItemView } from '../../../src/domain/activities/schemas.ts';
import { builtinLibraryItemId } from '../../../src/server/activities/library/commands.ts';
import { activityLibraryItems, auditEvents } from '../../../src/server/db/schema/index.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { BACKEND } from '../../support/database.ts';

describe(`activity library (${BACKEND})`, () => {
  let t: TestApp;
  let officer: Session;
  let coordinator: Session;
  let frontline: Session;
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const list = async (s: Session, query = '') => ((await get(s, `/api/activity-library${query}`)).json() as { items: LibraryItemView[] }).items;
  const send = (s: Session, name: string, input: unknown) => postCommand(t, s, name, uuidv4(), input);
  const exercise = {
    title: { fr: 'Jeu de rôle au marché de Koutiala', bm: 'Tulon Kutiyala sugu la' },
    description: { fr: 'Une commerçante repère une jeune fille seule.' },
    content: { kind: 'exercise', exerciseType: 'role_play', instructions: 'Par trois, dix minutes.', materials: ['Fiches de rôles'] },
    audiences: ['women'],
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await login(t, (await createOrganisationAndUser(t, ['community_engagement_officer'])).email);
    coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
    frontline = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds the shipped items once: a second run inserts nothing', async () => {
    const first = await send(officer, 'activity_library.seed_builtin', {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'applied', result: { inserted: BUILTIN_LIBRARY.length } });
    expect((await systemCommand(t, 'activity_library.seed_builtin', {})).result).toEqual({ inserted: 0 });
    expect((await t.database.db.select({ id: activityLibraryItems.id }).from(activityLibraryItems)).length).toBe(BUILTIN_LIBRARY.length);

    const themes = await list(officer, '?kind=theme');
    expect(themes.map((i) => i.builtinKey).sort()).toEqual(BUILTIN_THEMES.map((i) => i.builtinKey).sort());
    expect((await list(officer, '?kind=exercise')).length).toBe(BUILTIN_EXERCISES.length);
    const questionnaires = await list(officer, '?kind=questionnaire');
    expect(questionnaires.map((i) => i.content)).toEqual(expect.arrayContaining(BUILTIN_QUESTIONNAIRES.map((q) => q.content)));
    const sop = themes.find((i) => i.builtinKey === 'theme_nrm_sop')!;
    expect(sop).toMatchObject({ id: builtinLibraryItemId('theme_nrm_sop'), kind: 'theme', archived: false, version: 1, content: { kind: 'theme' } });
    expect(Object.keys(sop.title).sort()).toEqual(['bm', 'en', 'fr']);
  });

  it('adds an item, edits it from its version, and refuses an edit from a stale version', async () => {
    const created = await send(officer, 'activity_library.save', exercise);
    expect(created.statusCode, created.body).toBe(200);
    const { itemId, version } = created.json().result as { itemId: string; version: number };
    expect(version).toBe(1);
    const stored = (await list(coordinator, '?kind=exercise')).find((i) => i.id === itemId);
    expect(stored).toMatchObject({ builtinKey: null, title: exercise.title, description: exercise.description, content: exercise.content, audiences: ['women'], archived: false, version: 1 });

    const edited = await send(coordinator, 'activity_library.save', { ...exercise, itemId, expectedVersion: 1, title: { fr: 'Jeu de rôle au marché de Koutiala (révisé)' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().result).toEqual({ itemId, version: 2 });
    expect((await list(officer, '?kind=exercise')).find((i) => i.id === itemId)?.title).toEqual({ fr: 'Jeu de rôle au marché de Koutiala (révisé)' });

    const stale = await send(officer, 'activity_library.save', { ...exercise, itemId, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const noVersion = await send(officer, 'activity_library.save', { ...exercise, itemId });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details).toEqual([expect.objectContaining({ path: 'input.expectedVersion', code: 'required' })]);
    const otherKind = await send(officer, 'activity_library.save', { itemId, expectedVersion: 2, title: { fr: 'Un thème' }, content: { kind: 'theme' } });
    expect(otherKind.statusCode).toBe(400);
    expect(otherKind.json().error.details).toEqual([expect.objectContaining({ path: 'input.content.kind', code: 'library_kind_fixed' })]);
    expect((await send(officer, 'activity_library.save', { ...exercise, itemId: uuidv4(), expectedVersion: 1 })).statusCode).toBe(404);

    // Created and edited: two audited changes (the refused ones left none).
    const audited = await t.database.db.select().from(auditEvents).where(arrayContains(auditEvents.targetIds, [itemId]));
    expect(audited.map((e) => e.targetType)).toEqual(['activity_library_item', 'activity_library_item']);
  });

  it('lets a shipped item be adapted, and a later seed leaves the adaptation alone', async () => {
    const itemId = builtinLibraryItemId('theme_border_security_role');
    const res = await send(officer, 'activity_library.save', { itemId, expectedVersion: 1, title: { fr: 'Rôle des forces de sécurité au poste de Hérémakono' }, content: { kind: 'theme' }, audiences: ['security_forces'] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await systemCommand(t, 'activity_library.seed_builtin', {})).result).toEqual({ inserted: 0 });
    const item = (await list(officer, '?kind=theme')).find((i) => i.id === itemId);
    expect(item).toMatchObject({ builtinKey: 'theme_border_security_role', title: { fr: 'Rôle des forces de sécurité au poste de Hérémakono' }, version: 2 });
  });

  it('accepts a questionnaire only for a form the forms engine has', async () => {
    const questionnaire = { title: { fr: 'Test de Sikasso' }, content: { kind: 'questionnaire', formKey: KNOWLEDGE_NRM_FORM_KEY, role: 'knowledge_test' } };
    const refused = await send(officer, 'activity_library.save', questionnaire);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'input.content.formKey', code: 'form_unknown' })]);
    expect((await systemCommand(t, 'form.seed_builtin', {})).result).toMatchObject({ inserted: expect.any(Number) });
    expect((await send(officer, 'activity_library.save', questionnaire)).statusCode).toBe(200);
  });

  it('refuses texts in a language code that is not one', async () => {
    const res = await send(officer, 'activity_library.save', { title: { fr: 'Thème', French: 'Thème' }, content: { kind: 'theme' } });
    expect(res.statusCode).toBe(400);
  });

  it('archives an item (hidden from planning, listed on request) and restores it', async () => {
    const { itemId } = (await send(officer, 'activity_library.save', { title: { fr: 'Thème à archiver' }, content: { kind: 'theme' } })).json().result as { itemId: string };
    const archived = await send(officer, 'activity_library.archive', { itemId, archived: true });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().result).toEqual({ itemId, version: 2 });
    expect((await list(officer, '?kind=theme')).some((i) => i.id === itemId)).toBe(false);
    expect((await list(officer, '?kind=theme&archived=true')).find((i) => i.id === itemId)).toMatchObject({ archived: true, version: 2 });
    // Asking again for the same state changes nothing.
    expect((await send(officer, 'activity_library.archive', { itemId, archived: true })).json().result).toEqual({ itemId, version: 2 });

    expect((await send(coordinator, 'activity_library.archive', { itemId, archived: false })).json().result).toEqual({ itemId, version: 3 });
    expect((await list(officer, '?kind=theme')).find((i) => i.id === itemId)).toMatchObject({ archived: false });
    expect((await send(officer, 'activity_library.archive', { itemId: uuidv4(), archived: true })).statusCode).toBe(404);
  });

  it('is kept by officers and the coordinator; a frontline identifier may neither read nor change it (403)', async () => {
    expect((await get(frontline, '/api/activity-library')).statusCode).toBe(403);
    expect((await send(frontline, 'activity_library.save', exercise)).statusCode).toBe(403);
    const some = (await list(officer, '?kind=theme'))[0]!;
    expect((await send(frontline, 'activity_library.archive', { itemId: some.id, archived: true })).statusCode).toBe(403);
    expect((await send(frontline, 'activity_library.seed_builtin', {})).statusCode).toBe(403);
    expect((await list(officer, '?kind=theme')).find((i) => i.id === some.id)?.archived).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/activity-library' })).statusCode).toBe(401);
    // Without a kind: every kind.
    const all = await list(coordinator);
    expect(new Set(all.map((i) => i.kind))).toEqual(new Set(['theme', 'exercise', 'questionnaire']));
  });
});
