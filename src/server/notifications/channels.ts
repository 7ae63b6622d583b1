import type { Config } from '../config.ts';

/** How notifications leave the server besides the app; from the environment (see README). */
export interface DeliverySettings {
  /** `smtp://user:pass@host:587` or `smtps://…`; null: no email. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The SMS gateway (docs/sms-gateway.md); null: no SMS. */
  smsUrl: string | null;
  smsToken: string | null;
  /** Where people open Sira, to put an absolute link in an email or SMS; null: no link. */
  publicUrl: string | null;
}

/** In-app only: what tools and tests get unless they configure email or SMS. */
export const NO_DELIVERY: DeliverySettings = { smtpUrl: null, mailFrom: 'Sira <no-reply@localhost>', smsUrl: null, smsToken: null, publicUrl: null };

export function deliverySettings(config: Config): DeliverySettings {
  return { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, smsUrl: config.smsUrl, smsToken: config.smsToken, publicUrl: config.publicUrl };
}

export interface DeliveryChannels {
  email: boolean;
  sms: boolean;
}

/**
 * Which channels `notify()` schedules deliveries for. Commands do not see the configuration,
 * so the server sets this once at start-up, next to the worker that sends. Off by default:
 * a CLI tool or a test app that runs no worker never queues a delivery nobody would send.
 */
let enabled: DeliveryChannels = { email: false, sms: false };

export function enableDeliveryChannels(settings: Pick<DeliverySettings, 'smtpUrl' | 'smsUrl'>): void {
  enabled = { email: settings.smtpUrl !== null, sms: settings.smsUrl !== null };
}

export function enabledDeliveryChannels(): DeliveryChannels {
  return enabled;
}
