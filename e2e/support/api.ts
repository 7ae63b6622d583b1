import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { E2eEnvironment } from './environment.ts';
import type { E2eUser } from './server.ts';

/**
 * A user signed in through the API, in a context of its own: for what a browser test sets up
 * or checks without looking at a screen. A command that is not applied fails the test with
 * the server's answer.
 */
export interface ApiSession {
  organisationId: string;
  command<R>(name: string, input: unknown): Promise<R>;
  get(path: string): Promise<{ status: number; body: Buffer; contentType: string }>;
  close(): Promise<void>;
}

export async function apiAs(env: E2eEnvironment, user: E2eUser): Promise<ApiSession> {
  const context = await env.browser.newContext();
  const { request } = context;
  const login = await request.post(`${env.server.url}/api/auth/login`, { data: { email: user.email, password: user.password } });
  expect(login.status(), await login.text()).toBe(200);
  const me = (await (await request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string; organisation: { id: string } };
  return {
    organisationId: me.organisation.id,
    async command<R>(name: string, input: unknown): Promise<R> {
      const answer = await request.post(`${env.server.url}/api/commands/${name}`, { headers: { 'x-csrf-token': me.csrfToken }, data: { id: randomUUID(), input } });
      expect(answer.status(), await answer.text()).toBe(200);
      return ((await answer.json()) as { result: R }).result;
    },
    async get(path: string) {
      const answer = await request.get(`${env.server.url}${path}`);
      return { status: answer.status(), body: await answer.body(), contentType: answer.headers()['content-type'] ?? '' };
    },
    close: () => context.close(),
  };
}

/**
 * The questionnaires shipped with Sira, installed by an administrator as `sira forms
 * seed-builtin` does (not in the shared fixture: other tests expect an empty form library).
 */
export async function seedBuiltinForms(env: E2eEnvironment): Promise<void> {
  const admin = await apiAs(env, env.server.admin);
  await admin.command('form.seed_builtin', {});
  await admin.close();
}
