import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * A site's outgoing webhook endpoints: an HTTPS address, the events it wants, and the secret its
 * deliveries are signed with (kept as is: Tribu signs with it; shown to admins once).
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    description: text().notNull().default(''),
    /** `conversation.started`, `purchase.attributed`, … */
    events: text().array().notNull(),
    secret: text().notNull(),
    enabled: boolean().notNull().default(true),
    disabledAt: timestamp({ withTimezone: true }),
    /** Why it is off: `failing` (turned off by Tribu) or `admin`. */
    disabledReason: text(),
    /** Failed attempts since the last success, and when that run of failures began. */
    consecutiveFailures: integer().notNull().default(0),
    failingSince: timestamp({ withTimezone: true }),
    lastSuccessAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId)],
);

/**
 * The outbox: one row per event and endpoint, written when the fact happens, sent by one node at a
 * time (a lease taken with `FOR UPDATE SKIP LOCKED`), retried until delivered or 24 h have passed.
 * Its id is the event id receivers deduplicate on (`Tribu-Webhook-Id`).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    /** One event of one thing (`conversation.answered:<id>`): the same fact told twice is stored once. */
    eventKey: text().notNull(),
    /** The event's `data`. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** `pending`, `delivered` or `failed` (gave up). */
    status: text().$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Retries stop after this (24 h after the event, or after a resend). */
    deadlineAt: timestamp({ withTimezone: true })
      .notNull()
      .default(sql`now() + interval '24 hours'`),
    /** The node sending it now, and until when the others leave it alone. */
    leaseOwner: text(),
    leaseUntil: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('webhook_deliveries_event').on(t.endpointId, t.eventKey), index().on(t.status, t.nextAttemptAt), index().on(t.endpointId, t.createdAt)],
);

/** Every attempt of a delivery, as the node that made it saw it (unique per number: never two sends of one attempt). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer().notNull(),
    node: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    statusCode: integer(),
    error: text(),
    durationMs: integer(),
  },
  (t) => [uniqueIndex('webhook_attempts_number').on(t.deliveryId, t.attempt)],
);
