import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { commandRoutes } from '../commands/routes.ts';
import type { CommandRegistry } from '../commands/run.ts';
import type { Config } from '../config.ts';
import type { SiraDatabase } from '../db/client.ts';
import { auditRoutes } from '../audit/routes.ts';
import { secretBoxProvider } from '../crypto/secret-key.ts';
import { identityAdminRoutes } from '../identity/admin-routes.ts';
import { apiTokenRoutes } from '../identity/api-token-routes.ts';
import { identityRoutes } from '../identity/auth-routes.ts';
import { passwordResetRoute } from '../identity/password-reset.ts';
import { formRoutes } from '../forms/routes.ts';
import { directoryRoutes } from '../directory/routes.ts';
import { caseRoutes } from '../cases/routes.ts';
import { referralRoutes } from '../referrals/routes.ts';
import { activityRoutes } from '../activities/routes.ts';
import { activityLibraryRoutes } from '../activities/library/routes.ts';
import { activityDocumentRoutes } from '../activities/documents/routes.ts';
import fastifyRateLimit from '@fastify/rate-limit';
import { rightsRoutes } from '../cases/rights/routes.ts';
import { coverageRoutes } from '../directory/coverage.ts';
import { directoryExportRoutes } from '../directory/export/routes.ts';
import { directoryImportRoutes } from '../directory/import/routes.ts';
import { hsdsRoutes } from '../directory/hsds/routes.ts';
import { publicDirectoryRoutes } from '../directory/public/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { organisationRoutes } from '../organisations/routes.ts';
import { referralPathwayRoutes } from '../referrals/pathways/routes.ts';
import { referralStatisticsRoutes } from '../referrals/statistics-routes.ts';
import { systemRoutes } from '../system/routes.ts';
import { registerAuth } from './auth.ts';
import { errorBody } from './error-body.ts';
import { registerErrorHandling } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { validatorCompiler } from './validator.ts';
import { isSpaNavigation, registerWeb } from './web.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which policy guards this route: an action of src/domain/policies, 'authenticated' or 'public'. */
    policy?: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface AppOptions {
  config: Config;
  database: SiraDatabase;
  registry: CommandRegistry;
  version: string;
  /** Pino options or false; tests pass false. */
  logger?: boolean | object;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database, registry } = options;
  // Paths and status only: no query string, no headers, no bodies (they may hold personal data).
  const serializers = {
    req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  };
  const logger =
    options.logger === false ? false : { level: config.logLevel, ...(typeof options.logger === 'object' ? options.logger : {}), serializers };
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const unguarded: string[] = [];
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    const isApi = url.startsWith('/api/') && !url.startsWith('/api/docs');
    if (isApi && !route.config?.policy) unguarded.push(`${String(route.method)} ${url}`);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(fastifyCookie);
  registerAuth(app, database.db, { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs }, config.locale);
  registerErrorHandling(app, config.bodyLimitBytes);
  await registerOpenApi(app, options.version);

  // Per-route limits only (the public directory per address, the duplicate check per person).
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: () => new SiraError('RATE_LIMITED') });
  const secrets = secretBoxProvider(config);
  systemRoutes(app, database);
  identityRoutes(app, database.db, { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs }, secrets);
  passwordResetRoute(app, database.db);
  commandRoutes(app, database.db, registry, secrets);
  identityAdminRoutes(app, database.db);
  apiTokenRoutes(app, database.db);
  organisationRoutes(app, database.db);
  auditRoutes(app, database.db);
  jobRoutes(app, database.db);
  notificationRoutes(app, database.db, config);
  formRoutes(app, database.db);
  directoryRoutes(app, database.db, config);
  caseRoutes(app, database.db, secrets);
  rightsRoutes(app, database.db, secrets);
  coverageRoutes(app, database.db);
  directoryImportRoutes(app, database.db, registry);
  directoryExportRoutes(app, database.db);
  referralRoutes(app, database.db, secrets);
  referralPathwayRoutes(app, database.db);
  referralStatisticsRoutes(app, database.db);
  activityRoutes(app, database.db, secrets);
  activityLibraryRoutes(app, database.db);
  activityDocumentRoutes(app, database.db, registry, secrets);
  await hsdsRoutes(app, database.db, config);
  await publicDirectoryRoutes(app, database.db, config);

  const hasWeb = await registerWeb(app, config.webDir);
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && isSpaNavigation(request.method, request.url, request.headers.accept)) {
      void reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody(new SiraError('ROUTE_NOT_FOUND'), request.locale, request.id));
  });

  await app.ready();
  if (unguarded.length) throw new Error(`routes without a declared policy: ${unguarded.join(', ')}`);
  return app;
}
