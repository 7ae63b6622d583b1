import type { AnyComponent } from 'preact';
import lazy from 'preact-iso/lazy';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import type { IconName } from '../ui/icons.tsx';

/**
 * The app's pages. Each feature adds its own here; its code is loaded only when the page is
 * first opened, so the first visit downloads the login page and the shell only (the service
 * worker then fetches the rest in the background for offline use).
 */
export interface FeatureRoute {
  path: string;
  component: AnyComponent;
  /** An entry in the main navigation, with a pictogram for those who read little. */
  nav?: { label: MessageKey; icon: IconName };
  /** Shown only to a user with this ability (see /api/auth/me); the server decides anyway. */
  ability?: string;
  /** Reachable without signing in (e.g. help about working offline). */
  public?: boolean;
}

export const FEATURE_ROUTES: readonly FeatureRoute[] = [
  {
    path: '/',
    component: lazy(() => import('../home/home-page.tsx').then((m) => m.HomePage)),
    nav: { label: 'nav.home', icon: 'home' },
  },
  {
    // Before any `/directory/services/:id`: routes match in order, and "new" is no service's id.
    path: '/directory/services/new',
    component: lazy(() => import('../directory/service-edit-page.tsx').then((m) => m.ServiceNewPage)),
    ability: 'service.manage',
  },
  {
    path: '/directory/services/:id/edit',
    component: lazy(() => import('../directory/service-edit-page.tsx').then((m) => m.ServiceEditPage)),
    ability: 'service.manage',
  },
  {
    path: '/forms',
    component: lazy(() => import('../forms/library/form-library-page.tsx').then((m) => m.FormLibraryPage)),
    nav: { label: 'nav.forms', icon: 'form' },
    // Every member reads forms; the page shows import and publish to `form.manage` holders only.
    ability: 'form.list',
  },
  {
    path: '/directory',
    component: lazy(() => import('../directory/directory-page.tsx').then((m) => m.DirectoryPage)),
    nav: { label: 'nav.directory', icon: 'directory' },
    // Every member searches the directory: it is what referrals point into.
    ability: 'service.list',
  },
  {
    path: '/directory/services/:id',
    component: lazy(() => import('../directory/service-page.tsx').then((m) => m.ServicePage)),
    ability: 'service.read',
  },
  {
    // For coordinators (directory managers everywhere): where each kind of help is missing.
    path: '/directory/coverage',
    component: lazy(() => import('../directory/coverage-page.tsx').then((m) => m.CoveragePage)),
    nav: { label: 'nav.coverage', icon: 'coverage' },
    ability: 'taxonomy.manage',
  },
  {
    // Its own chunk: it carries ODK's evaluator (about 230 kB gzipped), loaded when a form is opened.
    path: '/forms/:id/versions/:version',
    component: lazy(() => import('../forms/fill/form-fill-page.tsx').then((m) => m.FormFillPage)),
    ability: 'form.read',
  },
  {
    // Its own chunk, like the form pages: the screening step carries ODK's evaluator.
    path: '/cases/new',
    component: lazy(() => import('../cases/registration/register-page.tsx').then((m) => m.RegisterPage)),
    nav: { label: 'nav.registerCase', icon: 'childProtection' },
    ability: 'case.register',
  },
  {
    path: '/cases',
    component: lazy(() => import('../cases/cases-page.tsx').then((m) => m.CasesPage)),
    nav: { label: 'nav.cases', icon: 'tasks' },
    ability: 'case.list',
  },
  {
    // Before `/cases/:id`: routes match in order, and "links" is no case's id.
    path: '/cases/links',
    component: lazy(() => import('../cases/links-page.tsx').then((m) => m.LinksPage)),
    nav: { label: 'nav.caseLinks', icon: 'familyTracing' },
    ability: 'case.merge',
  },
  {
    path: '/cases/links/:id',
    component: lazy(() => import('../cases/link-page.tsx').then((m) => m.LinkPage)),
    ability: 'case.merge',
  },
  {
    path: '/cases/consent-overrides',
    component: lazy(() => import('../cases/overrides-page.tsx').then((m) => m.OverridesPage)),
    nav: { label: 'nav.consentOverrides', icon: 'warning' },
    ability: 'consent.review',
  },
  {
    path: '/cases/:id',
    component: lazy(() => import('../cases/case-page.tsx').then((m) => m.CasePage)),
    ability: 'case.read',
  },
  {
    path: '/cases/:id/refer',
    component: lazy(() => import('../referrals/refer-page.tsx').then((m) => m.ReferPage)),
    ability: 'referral.create',
  },
  {
    // Receivers land on their inbox; a user who only refers sees what they sent.
    path: '/referrals',
    component: lazy(() => import('../referrals/referrals-page.tsx').then((m) => m.InboxPage)),
    nav: { label: 'nav.referrals', icon: 'sent' },
    ability: 'referral.list',
  },
  {
    path: '/referrals/sent',
    component: lazy(() => import('../referrals/referrals-page.tsx').then((m) => m.SentPage)),
    ability: 'referral.list',
  },
  {
    path: '/referrals/escalations',
    component: lazy(() => import('../referrals/escalations-page.tsx').then((m) => m.EscalationsPage)),
    nav: { label: 'nav.escalations', icon: 'overdue' },
    ability: 'referral.oversee',
  },
  {
    // The national flow chart: every member reads and prints it; the page shows the editor to `pathway.manage` holders.
    path: '/referrals/pathways',
    component: lazy(() => import('../pathways/pathways-page.tsx').then((m) => m.PathwaysPage)),
    nav: { label: 'nav.pathways', icon: 'tasks' },
    ability: 'pathway.read',
  },
  {
    // Aggregates for coordinators and analysts; small rows come hidden from the server.
    path: '/referrals/statistics',
    component: lazy(() => import('../referrals-statistics/statistics-page.tsx').then((m) => m.ReferralStatisticsPage)),
    nav: { label: 'nav.referralStatistics', icon: 'coverage' },
    ability: 'referral.statistics',
  },
  {
    // The screens of the day of an activity; each its own chunk (evaluations carries ODK's evaluator).
    path: '/activities/:id/attendance',
    component: lazy(() => import('../activities/run/attendance-page.tsx').then((m) => m.AttendancePage)),
    ability: 'activity.list',
  },
  {
    path: '/activities/:id/evaluations',
    component: lazy(() => import('../activities/run/evaluations-page.tsx').then((m) => m.EvaluationsPage)),
    ability: 'activity.list',
  },
  {
    path: '/activities/:id/results',
    component: lazy(() => import('../activities/run/results-page.tsx').then((m) => m.ResultsPage)),
    ability: 'activity.list',
  },
  {
    path: '/activities',
    component: lazy(() => import('../activities/activities-page.tsx').then((m) => m.ActivitiesPage)),
    nav: { label: 'nav.activities', icon: 'community' },
    ability: 'activity.list',
  },
  {
    // The themes, exercises and questionnaires activities are planned from; before `/activities/:id`.
    path: '/activities/library',
    component: lazy(() => import('../activity-library/library-page.tsx').then((m) => m.ActivityLibraryPage)),
    ability: 'activity_library.read',
  },
  {
    path: '/activities/new',
    component: lazy(() => import('../activities/plan-page.tsx').then((m) => m.ActivityNewPage)),
    ability: 'activity.list',
  },
  {
    path: '/activities/:id/edit',
    component: lazy(() => import('../activities/plan-page.tsx').then((m) => m.ActivityEditPage)),
    ability: 'activity.list',
  },
  {
    // After every `/activities/<word>` page: routes match in order, and "new" or "library" is no activity's id.
    path: '/activities/:id',
    component: lazy(() => import('../activities/activity-page.tsx').then((m) => m.ActivityPage)),
    ability: 'activity.list',
  },
  {
    path: '/jobs',
    component: lazy(() => import('../jobs/jobs-page.tsx').then((m) => m.JobsPage)),
    nav: { label: 'nav.jobs', icon: 'tasks' },
    ability: 'job.list',
  },
  {
    path: '/users',
    component: lazy(() => import('../admin/users-page.tsx').then((m) => m.UsersPage)),
    nav: { label: 'nav.users', icon: 'account' },
    ability: 'user.list',
  },
  {
    path: '/audit',
    component: lazy(() => import('../admin/audit-page.tsx').then((m) => m.AuditPage)),
    nav: { label: 'nav.audit', icon: 'closed' },
    ability: 'audit.read',
  },
  {
    path: '/organisations',
    component: lazy(() => import('../admin/organisations-page.tsx').then((m) => m.OrganisationsPage)),
    nav: { label: 'nav.organisations', icon: 'organisation' },
    // Everyone may list partners; the page is for those who edit them (coordinators, administrators).
    ability: 'organisation.update',
  },
  {
    path: '/roles',
    component: lazy(() => import('../admin/roles-page.tsx').then((m) => m.RolesPage)),
    nav: { label: 'nav.roles', icon: 'role' },
    ability: 'role.list',
  },
  {
    path: '/tokens',
    component: lazy(() => import('../admin/tokens-page.tsx').then((m) => m.TokensPage)),
    nav: { label: 'nav.tokens', icon: 'key' },
    ability: 'api_token.create',
  },
  {
    // Every signed-in person has their own; the header's bell leads here, so no menu entry.
    path: '/notifications',
    component: lazy(() => import('../notifications/notifications-page.tsx').then((m) => m.NotificationsPage)),
    ability: 'notification.list',
  },
  {
    path: '/account',
    component: lazy(() => import('../identity/account-page.tsx').then((m) => m.AccountPage)),
    nav: { label: 'nav.account', icon: 'account' },
  },
  {
    path: '/help',
    component: lazy(() => import('../offline/help-page.tsx').then((m) => m.HelpPage)),
    nav: { label: 'nav.help', icon: 'help' },
    public: true,
  },
  {
    // Opened from an administrator's one-time link, /reset#<token>, usually signed out.
    path: '/reset',
    component: lazy(() => import('../identity/reset-page.tsx').then((m) => m.ResetPage)),
    public: true,
  },
  {
    // Last: routes match in order, and "sent", "escalations" (or any other word under /referrals) is no referral's id.
    path: '/referrals/:id',
    component: lazy(() => import('../referrals/referral-page.tsx').then((m) => m.ReferralPage)),
    ability: 'referral.read',
  },
];

/**
 * While a role requires a second factor the account lacks, the server refuses everything but
 * enrolment (TOTP_ENROLMENT_REQUIRED), so every address leads there instead of to broken pages.
 */
const TOTP_ENROLMENT_ROUTE: FeatureRoute = {
  path: '/:rest*',
  component: lazy(() => import('../identity/totp-required-page.tsx').then((m) => m.TotpRequiredPage)),
};

/** The pages this person may open: public ones only when nobody is signed in. */
export function routesFor(user: CurrentUser | undefined): FeatureRoute[] {
  if (user?.totpEnrolmentRequired) return [TOTP_ENROLMENT_ROUTE];
  return FEATURE_ROUTES.filter((r) => (user ? !r.ability || hasAbility(user, r.ability) : r.public));
}

/** What exists only once signed in: the pages' router and the data-fetching library. */
export const loadSignedInArea = () => import('./signed-in-area.tsx');

/** Fetches a lazily loaded page's code ahead of time (no effect on an eager component). */
export function preload(component: AnyComponent): Promise<unknown> {
  const lazyComponent = component as AnyComponent & { preload?: () => Promise<unknown> };
  return lazyComponent.preload?.() ?? Promise.resolve();
}

export function isCurrentPath(current: string, path: string): boolean {
  return current === path;
}
