import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/i18n/locales.ts';
import { parseSecretKey } from './crypto/secret-key.ts';

/**
 * Every setting comes from the environment so that a ministry IT team configures Sira
 * the same way on any machine. Defaults run the embedded database on localhost.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  SIRA_DATA_DIR: z.string().min(1).default('./data'),
  SIRA_LOCALE: z.enum(LOCALES).default('fr'),
  SIRA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIRA_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(256 * 1024),
  SIRA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SIRA_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SIRA_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SIRA_JOB_POLL_MS: z.coerce.number().int().min(50).default(1000),
  SIRA_WEB_DIR: z.string().optional(),
  /** Opens every secret stored encrypted; see README (back it up apart from the database). */
  SIRA_SECRET_KEY: z
    .string()
    .refine((v) => parseSecretKey(v) !== null, 'must be the base64 encoding of 32 random bytes (openssl rand -base64 32)')
    .optional(),
  /** Earlier keys, comma-separated, kept after a rotation so that older values and backups still open. */
  SIRA_SECRET_KEYS_PREVIOUS: z
    .string()
    .refine((v) => v.split(',').every((k) => parseSecretKey(k) !== null), 'must be base64 keys of 32 bytes, separated by commas')
    .optional(),
  /** A directory entry not verified for this long is flagged stale. */
  SIRA_DIRECTORY_STALE_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
  /** Requests per minute and client address on the public HSDS API. */
  SIRA_HSDS_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
  /** A case nobody has worked on for this many years is anonymised (IOM retention principle). */
  SIRA_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  /** Hours a receiver has to answer a referral: emergency, urgent, normal (national procedures differ). */
  SIRA_REFERRAL_ANSWER_HOURS: z
    .string()
    .regex(/^\s*[1-9]\d{0,3}\s*,\s*[1-9]\d{0,3}\s*,\s*[1-9]\d{0,3}\s*$/, 'must be three whole numbers of hours, e.g. 24,72,336 (emergency, urgent, normal)')
    .default('24,72,336'),
  /** Email for notifications, e.g. `smtp://user:pass@host:587`; unset: in-app only. */
  SIRA_SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// address').optional(),
  SIRA_MAIL_FROM: z.string().min(3).default('Sira <no-reply@localhost>'),
  /** The SMS gateway's address (docs/sms-gateway.md); unset: no SMS. */
  SIRA_SMS_URL: z.string().url().optional(),
  SIRA_SMS_TOKEN: z.string().min(1).optional(),
  /** Where people open Sira (`https://sira.example.org`), for links in emails and SMS. */
  SIRA_PUBLIC_URL: z.string().url().optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  locale: Locale;
  logLevel: string;
  bodyLimitBytes: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  trustProxy: boolean;
  jobPollMs: number;
  webDir: string;
  /** From SIRA_SECRET_KEY; when undefined, the key file in the data folder is used. */
  secretKey: Buffer | undefined;
  /** From SIRA_SECRET_KEYS_PREVIOUS: they open, never seal. */
  previousSecretKeys: Buffer[];
  directoryStaleMonths: number;
  hsdsRateLimitPerMinute: number;
  retentionYears: number;
  /** Answer time in hours per urgency. */
  referralAnswerHours: { emergency: number; urgent: number; normal: number };
  smtpUrl: string | null;
  mailFrom: string;
  smsUrl: string | null;
  smsToken: string | null;
  publicUrl: string | null;
}

export class ConfigError extends Error {}

function answerHours(value: string): Config['referralAnswerHours'] {
  const [emergency, urgent, normal] = value.split(',').map((v) => Number(v.trim())) as [number, number, number];
  return { emergency, urgent, normal };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SIRA_DATA_DIR),
    locale: e.SIRA_LOCALE,
    logLevel: e.SIRA_LOG_LEVEL,
    bodyLimitBytes: e.SIRA_BODY_LIMIT_BYTES,
    sessionIdleMs: e.SIRA_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SIRA_SESSION_ABSOLUTE_HOURS * 3_600_000,
    trustProxy: e.SIRA_TRUST_PROXY === 'true',
    jobPollMs: e.SIRA_JOB_POLL_MS,
    webDir: path.resolve(e.SIRA_WEB_DIR ?? path.join(import.meta.dirname, '../../dist/web')),
    secretKey: e.SIRA_SECRET_KEY ? (parseSecretKey(e.SIRA_SECRET_KEY) ?? undefined) : undefined,
    previousSecretKeys: e.SIRA_SECRET_KEYS_PREVIOUS ? e.SIRA_SECRET_KEYS_PREVIOUS.split(',').map((k) => parseSecretKey(k)!) : [],
    directoryStaleMonths: e.SIRA_DIRECTORY_STALE_MONTHS,
    hsdsRateLimitPerMinute: e.SIRA_HSDS_RATE_LIMIT,
    retentionYears: e.SIRA_RETENTION_YEARS,
    referralAnswerHours: answerHours(e.SIRA_REFERRAL_ANSWER_HOURS),
    smtpUrl: e.SIRA_SMTP_URL ?? null,
    mailFrom: e.SIRA_MAIL_FROM,
    smsUrl: e.SIRA_SMS_URL ?? null,
    smsToken: e.SIRA_SMS_TOKEN ?? null,
    publicUrl: e.SIRA_PUBLIC_URL ?? null,
  };
}
