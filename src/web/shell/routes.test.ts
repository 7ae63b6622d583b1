import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../identity/session.ts';
import { FEATURE_ROUTES, routesFor } from './routes.ts';

const user = (abilities?: string[]): CurrentUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  displayName: 'Awa Traoré',
  email: 'awa@example.org',
  locale: 'fr',
  roles: ['frontline_identifier'],
  organisation: { id: '00000000-0000-4000-8000-000000000002', name: 'Sahel' },
  csrfToken: 'token',
  abilities,
});

const paths = (routes: { path: string }[]) => routes.map((r) => r.path);

describe('pages by ability', () => {
  it('shows only public pages to someone signed out', () => {
    expect(paths(routesFor(undefined))).toEqual(['/help', '/reset']);
  });

  it('hides a page whose ability the user lacks, and treats missing abilities as none', () => {
    expect(paths(routesFor(user(['organisation.list'])))).toEqual(['/', '/account', '/help', '/reset']);
    expect(paths(routesFor(user(undefined)))).toEqual(['/', '/account', '/help', '/reset']);
  });

  it('shows it to a user with the ability', () => {
    expect(paths(routesFor(user(['job.list'])))).toEqual(['/', '/jobs', '/account', '/help', '/reset']);
  });

  it('leads every address to second-factor enrolment while a role requires one the account lacks', () => {
    const routes = routesFor({ ...user(['job.list']), totpEnrolmentRequired: true });
    expect(routes).toHaveLength(1);
    expect(routes[0]?.nav).toBeUndefined();
    expect(paths(routes)).toEqual(['/:rest*']);
  });

  it('gives every navigation entry a pictogram and a translated label', () => {
    for (const route of FEATURE_ROUTES) if (route.nav) expect(route.nav.label.startsWith('nav.')).toBe(true);
  });
});
