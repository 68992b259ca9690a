import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z.string().min(1).optional(),
    REDIS_URL: z.string().min(1).optional(),
    /** Prefix of every Redis key and channel, so several installs can share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i)
      .default('tribu'),
    /**
     * How nodes hear each other's broadcasts through Redis. `sharded` (Redis 7 sharded pub/sub,
     * SPUBLISH): each node subscribed only to the rooms it has sockets in, spread over a Redis
     * Cluster's shards; measured faster from two nodes up. `classic` (PUBLISH): every node receives
     * every broadcast; for a Redis older than 7. See docs/scaling.md.
     */
    REDIS_ADAPTER: z.enum(['classic', 'sharded']).default('sharded'),
    DATA_DIR: z.string().default('./.data'),
    SECRET: z.string().min(32, 'SECRET must be at least 32 characters').optional(),
    SEED_DEMO: bool.optional(),
    /** Behind a load balancer: trust X-Forwarded-For for client addresses. */
    TRUST_PROXY: bool.default(false),
    /**
     * Multiplies every per-person socket budget (events per visitor or helper). 1 in production;
     * load tests raise it, since one simulated person sends far more than a person types.
     */
    RATE_LIMIT_FACTOR: z.coerce.number().min(1).max(1_000_000).default(1),
    /** Open Socket.IO connections one node holds at most; beyond it new ones are refused (503). Keep under the open-file limit. */
    MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    /** Open Socket.IO connections one address (an IPv6 /64) may hold on one node (429 beyond). */
    MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(200),
    /** How long a connection may stay open without joining a namespace (a handshake) before it is closed. */
    CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** New Socket.IO connections one address (an IPv6 /64) may open per window, over every node (refused as rate limited beyond). */
    CONNECTION_RATE: z.coerce.number().int().min(1).max(1_000_000).default(60),
    /** That window, in seconds (the browser tests shorten it). */
    CONNECTION_RATE_WINDOW_S: z.coerce.number().int().min(1).max(3600).default(60),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Outgoing mail (invitations, offline answers), e.g. `smtp://user:pass@host:587`; unset = no mail. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must look like smtp://user:pass@host:587')
      .optional(),
    /** Sender of Tribu's mail (default `Tribu <no-reply@PUBLIC_URL's host>`). */
    MAIL_FROM: z.string().min(3).max(200).optional(),
    /** Outgoing webhooks may call loopback and private addresses, and plain http:// (tests and development only: SSRF). */
    WEBHOOKS_ALLOW_PRIVATE: bool.default(false),
    /** A PEM file of certificate authorities webhook deliveries trust besides the public ones (a private CA, a test receiver). */
    WEBHOOKS_CA_FILE: z.string().min(1).optional(),
    /** A delivery attempt (connect, send, answer) ends after this many milliseconds. */
    WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** The wait after a delivery's first failure; it doubles at each retry (at most 480 times this), for 24 h. */
    WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
    /** Failed attempts in a row that turn an endpoint off at once (it is also turned off after failing for 24 h). */
    WEBHOOKS_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    /** Web Push (VAPID) key pair, base64url; both or neither (then generated into DATA_DIR/vapid.json). The same on every node. */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{80,100}$/, 'VAPID_PUBLIC_KEY must be a base64url P-256 public key')
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{40,50}$/, 'VAPID_PRIVATE_KEY must be a base64url P-256 private key')
      .optional(),
    /** Who push services may contact about this server's pushes: `mailto:` or `https:` (default mailto: MAIL_FROM's address). */
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, 'VAPID_SUBJECT must be a mailto: or https: URL')
      .optional(),
    /** Accept plain-http and loopback/private push endpoints (tests and local push servers only; real push services are public https). */
    PUSH_ALLOW_HTTP: bool.default(false),
  })
  .refine((e) => (e.VAPID_PUBLIC_KEY === undefined) === (e.VAPID_PRIVATE_KEY === undefined), {
    message: 'Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither',
    path: ['VAPID_PRIVATE_KEY'],
  })
  .transform((e) => ({
    ...e,
    PUBLIC_URL: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    MAIL_FROM: e.MAIL_FROM ?? `Tribu <no-reply@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
    // Demo data only where asked for or in development; never by default in production.
    SEED_DEMO: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
  }));

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment once; fails fast with every problem listed. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
