import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * Chromium DevTools' own presets (front_end/core/sdk/NetworkManager.ts), as CDP takes them:
 * latency in ms, throughput in bytes per second.
 */
export const NETWORK_PROFILES = {
  'Fast 3G': { latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 },
  'Slow 3G': { latency: 2000, downloadThroughput: (500 * 1000 * 0.8) / 8, uploadThroughput: (500 * 1000 * 0.8) / 8 },
} as const;
export type ProfileName = keyof typeof NETWORK_PROFILES;

export interface FetchedFile {
  url: string;
  type: string;
  /** Bytes on the wire, headers included, as Chromium counted them. */
  transferred: number;
  /** Content-Encoding the server answered with ('' for none). */
  encoding: string;
  fromServiceWorker: boolean;
}

/** Records every response a page receives, through the DevTools protocol. */
export class NetworkRecorder {
  private readonly pending = new Map<string, Omit<FetchedFile, 'transferred'>>();
  readonly files: FetchedFile[] = [];

  private constructor(readonly session: CDPSession) {}

  static async attach(context: BrowserContext, page: Page): Promise<NetworkRecorder> {
    const session = await context.newCDPSession(page);
    const recorder = new NetworkRecorder(session);
    session.on('Network.responseReceived', (e) => {
      recorder.pending.set(e.requestId, {
        url: e.response.url,
        type: e.type,
        encoding: (e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '') as string,
        fromServiceWorker: Boolean(e.response.fromServiceWorker),
      });
    });
    session.on('Network.loadingFinished', (e) => {
      const seen = recorder.pending.get(e.requestId);
      if (!seen) return;
      recorder.pending.delete(e.requestId);
      recorder.files.push({ ...seen, transferred: e.encodedDataLength });
    });
    await session.send('Network.enable');
    return recorder;
  }

  async throttle(profile: ProfileName | undefined): Promise<void> {
    const conditions = profile ? NETWORK_PROFILES[profile] : { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
    await this.session.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
  }

  clear(): void {
    this.files.length = 0;
  }
}
