import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { sqlState } from '../db/errors.ts';
import { errorBody } from './error-body.ts';

/**
 * What operators see of an unexpected error. Messages are left out: a driver's message can
 * quote a value ("Key (email)=(…)"), and personal data must never reach the logs.
 */
export function describeForLog(err: Error & { code?: string; constraint?: string }) {
  const cause = (err as { cause?: { constraint?: string } }).cause;
  return {
    type: err.name,
    code: err.code,
    sqlState: sqlState(err),
    constraint: err.constraint ?? cause?.constraint,
    frames: (err.stack ?? '').split('\n').slice(1, 12).join('\n'),
  };
}

/** Maps what Fastify itself rejects onto the catalogue, so every error has a stable code. */
function fromFastify(err: FastifyError, bodyLimit: number): SiraError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new SiraError('INVALID_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SiraError('BODY_TOO_LARGE', [], { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new SiraError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_VALIDATION':
      return new SiraError('VALIDATION_FAILED');
    default:
      if (err.statusCode === 400) return new SiraError('INVALID_JSON');
      return undefined;
  }
}

export function registerErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    let sira = err instanceof SiraError ? err : fromFastify(err, bodyLimit);
    if (!sira) {
      // Unexpected: log the error class and stack for operators (no request body, no values),
      // and give the client only a reference.
      request.log.error({ err: describeForLog(err) }, 'unhandled error');
      sira = new SiraError('INTERNAL');
    }
    void reply.status(sira.status).type('application/json; charset=utf-8').send(errorBody(sira, request.locale, request.id));
  });

}
