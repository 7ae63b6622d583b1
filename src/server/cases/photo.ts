import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { appendAudit } from '../audit/append.ts';
import { defineCommand } from '../commands/define.ts';
import { decryptJson, encryptJson } from '../crypto/envelope.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { cases } from '../db/schema/index.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { lockOpenCase } from './consent-commands.ts';
import { readableCase } from './queries.ts';
import { caseKey } from './sealed-case.ts';

/**
 * A photo of the person, when the procedure wants one: encrypted under the case's data key
 * like the identity, erased with it, and read only through an audited route. Phones send a
 * downscaled JPEG; 150 kB is plenty for a face on 2G and stays within the body limit.
 */
export const PHOTO_MAX_BYTES = 150 * 1024;
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
export const photoContext = (caseId: string) => `case-photo:${caseId}`;

const photoInput = z
  .object({
    caseId: z.uuid(),
    /** Null removes the photo. */
    photo: z
      .object({
        contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
        data: z.base64().max(Math.ceil(PHOTO_MAX_BYTES / 3) * 4),
      })
      .strict()
      .nullable(),
  })
  .strict();

export const setCasePhoto = defineCommand({
  name: 'case.set_photo',
  summary: "Add, replace or remove the person's photo (JPEG, PNG or WebP, at most 150 kB), encrypted like the identity.",
  input: photoInput,
  result: z.object({ caseId: z.uuid(), hasPhoto: z.boolean() }),
  async authorize(ctx, input) {
    await lockOpenCase(ctx, input.caseId, 'case.register');
  },
  async handle(ctx, input) {
    const row = await lockOpenCase(ctx, input.caseId, 'case.register');
    let sealed: string | null = null;
    if (input.photo) {
      const bytes = Buffer.from(input.photo.data, 'base64');
      if (!SIGNATURES[input.photo.contentType]!(bytes)) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.photo.data', code: 'photo_not_image' }]);
      sealed = encryptJson(caseKey(ctx.secrets(), row), input.photo, photoContext(row.id));
    }
    await ctx.tx.update(cases).set({ photo: sealed, updatedAt: ctx.now, lastActivityAt: ctx.now }).where(eq(cases.id, row.id));
    return { result: { caseId: row.id, hasPhoto: sealed !== null }, audit: { targetType: 'case', targetIds: [row.id], fields: ['photo'] } };
  },
});

export function casePhotoRoute(app: FastifyInstance, db: Db, secrets: () => SecretBox): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/cases/:id/photo',
    {
      config: { policy: 'case.read' },
      schema: {
        summary: "The person's photo (audited like the case file).",
        tags: ['cases'],
        params: z.object({ id: z.uuid() }),
        response: { 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { actor, row } = await readableCase(db, request, request.params.id);
      if (!row.photo || !row.dataKey) throw new SiraError('NOT_FOUND');
      const photo = decryptJson<{ contentType: string; data: string }>(caseKey(secrets(), row), row.photo, photoContext(row.id));
      await db.transaction((tx) => appendAudit(tx, { type: 'case.viewed', actor, requestId: request.id, targetType: 'case', targetIds: [row.id], data: { purpose: 'file' } }));
      // Bytes, not JSON: the route's schema lists only its errors.
      return reply.header('content-type', photo.contentType).header('cache-control', 'no-store').send(Buffer.from(photo.data, 'base64') as never);
    },
  );
}
