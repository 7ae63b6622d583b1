import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built PWA. Hashed assets are cached for a year; index.html is revalidated
 * on every load so that a deployment reaches phones at their next visit.
 */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset: on 2G a third of the bytes matters.
    preCompressed: true,
    setHeaders(reply, file) {
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (_req: unknown, reply: { header(k: string, v: string): unknown; sendFile(f: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  app.get('/', { config: { policy: 'public' }, schema: { hide: true } }, sendIndex as never);
  return true;
}

export function isSpaNavigation(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !url.startsWith('/api/') && url !== '/healthz' && (accept ?? '').includes('text/html');
}
