import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { apiTokens, organisations, users, userTotp } from '../db/schema/index.ts';
import { type SessionUser, hashToken } from './sessions.ts';

/** Recognisable in a leaked config file or a secret scanner, like `ghp_` for GitHub. */
export const API_TOKEN_PREFIX = 'sira_';
/** Last use is recorded at most once a minute, to spare a write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export function newApiToken(): { token: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashToken(token) };
}

/** The token of an `Authorization: Bearer …` header; null when there is no bearer credential. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer[ ]+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

export type ApiTokenLookup =
  | { state: 'valid'; user: SessionUser; tokenId: string; scopes: string[] }
  | { state: 'invalid'; reason: 'unknown' | 'revoked' | 'expired' | 'inactive'; userId: string | null };

/** Checked on every request, so revocation and deactivation take effect at once. */
export async function lookupApiToken(db: DbOrTx, token: string, now = new Date()): Promise<ApiTokenLookup> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return { state: 'invalid', reason: 'unknown', userId: null };
  const [row] = await db
    .select({
      token: { id: apiTokens.id, scopes: apiTokens.scopes, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt },
      user: { id: users.id, email: users.email, displayName: users.displayName, locale: users.locale, roles: users.roles, active: users.active, organisationId: users.organisationId },
      organisationName: organisations.name,
      totpEnabledAt: userTotp.enabledAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row) return { state: 'invalid', reason: 'unknown', userId: null };
  const userId = row.user.id;
  if (row.token.revokedAt) return { state: 'invalid', reason: 'revoked', userId };
  if (row.token.expiresAt && row.token.expiresAt <= now) return { state: 'invalid', reason: 'expired', userId };
  if (!row.user.active) return { state: 'invalid', reason: 'inactive', userId };
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  const { active: _active, ...user } = row.user;
  return {
    state: 'valid',
    user: { ...user, organisationName: row.organisationName, totpEnabled: row.totpEnabledAt !== null },
    tokenId: row.token.id,
    scopes: row.token.scopes,
  };
}
