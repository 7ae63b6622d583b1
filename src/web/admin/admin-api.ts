import type { Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';

/** Type-only shapes of the administration reads (the bundle gets no zod). */
export interface UserItem {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  roles: string[];
  active: boolean;
  /** A second factor is set up (the secret itself never leaves the server). */
  secondFactor: boolean;
  lastLoginAt: string | null;
}

export interface RoleItem {
  key: string;
  label: string | null;
}

export interface OrganisationItem {
  id: string;
  name: string;
}

export interface Items<T> {
  items: T[];
}

/** A command for the data-fetching library: the receipt's result, or an ApiFailure thrown. */
export async function command<R>(name: string, input: unknown, locale: Locale, csrfToken: string): Promise<R> {
  const answer = await sendCommand<R>(name, input, { locale, csrfToken });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data.result;
}

/** A command whose answer carries a part to show once (a reset link): result and ephemeral. */
export async function commandWithEphemeral<E>(name: string, input: unknown, locale: Locale, csrfToken: string): Promise<E> {
  const answer = await sendCommand<unknown>(name, input, { locale, csrfToken });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return (answer.data as { ephemeral?: E }).ephemeral as E;
}

export interface SessionItem {
  id: string;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** A partner organisation as the server presents it (`organisationView`). */
export interface OrganisationDetail extends OrganisationItem {
  acronym: string | null;
  type: string;
  country: string;
  regionPcodes: string[];
  active: boolean;
}

/** A role in force (`roleView`): a default, an adjusted default, or a custom role. */
export interface RoleDetail extends RoleItem {
  isDefault: boolean;
  customised: boolean;
  permissions: string[];
  requiresTotp: boolean;
}

/** One of the signed-in user's API tokens (`apiTokenView`): never the token itself. */
export interface ApiTokenItem {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
