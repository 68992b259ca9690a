import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:`: who push services may contact about this server's pushes. */
  subject: string;
  /** Made by this node (not from the environment): fine alone, wrong with several nodes. */
  generated?: boolean;
}

interface VapidEnv {
  VAPID_PUBLIC_KEY?: string | undefined;
  VAPID_PRIVATE_KEY?: string | undefined;
  VAPID_SUBJECT?: string | undefined;
  MAIL_FROM: string;
  DATA_DIR: string;
}

/**
 * The Web Push key pair, kept like SECRET: from the environment, or generated once and kept in
 * DATA_DIR/vapid.json (mode 600). Browsers subscribe with the public key, so it must not change
 * (and must be the same on every node: set the variables when there are several).
 */
export function loadVapid(env: VapidEnv): VapidKeys {
  const subject = env.VAPID_SUBJECT ?? `mailto:${/<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim()}`;
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  const file = join(env.DATA_DIR, 'vapid.json');
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
    if (typeof kept.publicKey === 'string' && typeof kept.privateKey === 'string')
      return { publicKey: kept.publicKey, privateKey: kept.privateKey, subject, generated: true };
  } catch {
    // Not there yet (or unreadable): a new pair is made below.
  }
  mkdirSync(env.DATA_DIR, { recursive: true });
  const fresh = webpush.generateVAPIDKeys();
  writeFileSync(file, JSON.stringify(fresh), { mode: 0o600 });
  return { ...fresh, subject, generated: true };
}
