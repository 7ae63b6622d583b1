import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { zodToSiraError } from '../commands/validation.ts';

/** Like fastify-type-provider-zod's, but failures become translatable SiraErrors. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: zodToSiraError(result.error, httpPart === 'body' ? undefined : httpPart) };
  };
