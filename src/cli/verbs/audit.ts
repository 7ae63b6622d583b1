import { verifyAuditChain } from '../../server/audit/verify.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/** `audit verify`: walks the hash chain; a break is an integrity failure (exit 2). */
export const audit: Verb = async (ctx, args) => {
  const { positionals } = parseVerbArgs(args, {}, 1);
  if (positionals[0] !== 'verify') throw new UsageError('cli.unknownCommand', { command: ['audit', ...positionals].join(' ') });
  const result = await withDatabase(ctx, { migrate: false }, (db) => verifyAuditChain(db));
  if (result.ok) {
    ctx.out(ctx.t('cli.audit.ok', { count: result.count }));
    return EXIT.ok;
  }
  ctx.err(ctx.t('cli.audit.broken', { seq: result.seq, reason: ctx.t(`cli.audit.reason.${result.reason}`) }));
  return EXIT.usage;
};
