import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sira API',
        description:
          'National referral mechanism for the protection of migrants. Every write is a command posted to /api/commands/{name} with a client-generated UUID; replaying the same id applies it once. Errors carry a stable code from one catalogue and a message in the language asked for (Accept-Language or ?lang=fr|en|bm).',
        version,
        license: { name: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sira_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          // Integrations: `Authorization: Bearer sira_…` (api_token.create); no cookie, no CSRF token.
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: ['/api/docs', '/api/docs/*', '/api/openapi.json'] }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
