import nodemailer from 'nodemailer';

/**
 * A failed send, described by a code that holds no address or phone number (an SMTP server's
 * reply often repeats the recipient). `permanent`: trying again cannot help.
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(code);
    this.name = 'DeliveryError';
  }
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export type EmailSender = (message: EmailMessage) => Promise<void>;
export type SmsSender = (message: { to: string; text: string }) => Promise<void>;

/** Plain text only: no HTML, no images, nothing fetched when the message is opened. */
export function smtpSender(smtpUrl: string, from: string): EmailSender {
  // Short timeouts: a job's lease is five minutes, and a stuck server is better retried later.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }, { from });
  return async ({ to, subject, text }) => {
    try {
      await transport.sendMail({ to, subject, text });
    } catch (err) {
      const e = err as { responseCode?: number; code?: string };
      // SMTP says 5xx for "never" (no such mailbox) and 4xx for "later" (greylisting, full queue).
      if (typeof e.responseCode === 'number') throw new DeliveryError(`smtp_${e.responseCode}`, e.responseCode >= 500);
      throw new DeliveryError(`smtp_${(e.code ?? 'error').toLowerCase()}`, false);
    }
  };
}

/** The HTTP contract of docs/sms-gateway.md. */
export function httpSmsSender(url: string, token: string | null, timeoutMs = 15_000): SmsSender {
  return async ({ to, text }) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (err) {
      throw new DeliveryError((err as Error).name === 'TimeoutError' ? 'sms_timeout' : 'sms_unreachable', false);
    }
    await response.body?.cancel();
    if (response.ok) return;
    // 408 and 429 mean "not now"; any other 4xx means the request itself is refused.
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new DeliveryError(`sms_${response.status}`, !retry);
  };
}
