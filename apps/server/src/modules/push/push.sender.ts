import webpush from 'web-push';
import { resolveTarget, UnsafeTarget } from '../../lib/ssrf.ts';
import type { VapidKeys } from '../../lib/vapid.ts';
import type { Device } from './push.repository.ts';

/** What a push carries (encrypted end to end: only the person's browser reads it). */
export interface PushMessage {
  title: string;
  body: string;
  /** Where a tap leads, inside the backoffice. */
  url: string;
  /** One notification per tag on the device: a newer one replaces the older. */
  tag: string;
}

export type SendOutcome = 'sent' | 'gone' | 'failed';

/**
 * Delivers one message to one device: web-push makes the VAPID JWT (ES256) and the aes128gcm body
 * (RFC 8291), and the request goes out with fetch (so a slow push service is cut off after 10 s).
 */
export class PushSender {
  constructor(
    private readonly vapid: VapidKeys,
    /** `allowPrivate`: loopback and private endpoints too (tests run a local push service). */
    private readonly opts: { ttlSec?: number; timeoutMs?: number; allowPrivate?: boolean } = {},
  ) {}

  get publicKey(): string {
    return this.vapid.publicKey;
  }

  async send(device: Device, message: PushMessage): Promise<{ outcome: SendOutcome; status: number; refused?: string }> {
    const details = webpush.generateRequestDetails({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, JSON.stringify(message), {
      vapidDetails: this.vapid,
      TTL: this.opts.ttlSec ?? 600,
      urgency: 'high',
      contentEncoding: 'aes128gcm',
    });
    try {
      // A subscription is whatever a browser (or someone posing as one) sent: never a call inside the network.
      await resolveTarget(new URL(details.endpoint).hostname, this.opts.allowPrivate === true);
      const res = await fetch(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ? new Uint8Array(details.body) : null,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await res.arrayBuffer().catch(() => undefined);
      // 404 and 410: the subscription expired or was withdrawn; it will never work again.
      if (res.status === 404 || res.status === 410) return { outcome: 'gone', status: res.status };
      return { outcome: res.ok ? 'sent' : 'failed', status: res.status };
    } catch (err) {
      return { outcome: 'failed', status: 0, ...(err instanceof UnsafeTarget ? { refused: err.message } : {}) };
    }
  }
}
