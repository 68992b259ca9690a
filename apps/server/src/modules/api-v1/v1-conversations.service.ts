import { sql } from 'drizzle-orm';
import { V1_SETTLE_MS, type V1Conversation, type V1ConversationPage, type V1ConversationsQuery } from '@tribu/protocol';
import type { Db } from '@tribu/db';
import { FieldsError } from '../../lib/errors.ts';
import { requireKeyScope } from '../access.ts';
import type { ApiKeyPrincipal } from '../sales/api-key.service.ts';

/** Where a page ended: the last row's `updated_at` in microseconds since 1970 (exact, unlike a JS Date) and its id. */
interface Cursor {
  micros: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to callers: base64url of a small JSON, checked on the way back in. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.micros, c.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor();
  const [micros, id] = parsed as unknown[];
  if (typeof micros !== 'string' || !/^\d{1,17}$/.test(micros) || typeof id !== 'string' || !UUID.test(id)) throw badCursor();
  return { micros, id };
}

const badCursor = () => new FieldsError({ cursor: 'Not a cursor this API gave (pass nextCursor as it came)' });

/** node-postgres gives timestamps as Dates, PGlite too; either is read the same way. */
type Stamp = string | Date;

interface Row {
  id: string;
  visitorId: string;
  status: V1Conversation['status'];
  createdAt: Stamp;
  updatedAt: Stamp;
  micros: string;
  answeredAt: Stamp | null;
  closedAt: Stamp | null;
  closedBy: V1Conversation['closedBy'];
  helperId: string | null;
  helperName: string | null;
  question: string;
  topics: string[];
  locale: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  rating: number | null;
  staffAt: Stamp | null;
  erasedAt: Stamp | null;
}

const iso = (v: Stamp | null) => (v === null ? null : new Date(v).toISOString());

/** Only what a merchant's systems need: never an email, name, address hash, message, note or staff reason. */
function view(r: Row): V1Conversation {
  const erased = r.erasedAt !== null;
  return {
    id: r.id,
    // An erased visitor's orders no longer name them (privacy.repository wipe): neither does their chat.
    visitorId: erased ? null : r.visitorId,
    status: r.status,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
    answeredAt: iso(r.answeredAt),
    closedAt: iso(r.closedAt),
    closedBy: r.closedBy,
    helper: r.helperId ? { id: r.helperId, name: r.helperName ?? '' } : null,
    question: erased ? null : r.question,
    topics: erased ? [] : r.topics,
    locale: erased ? null : r.locale,
    page: erased || (r.pageUrl === null && r.pageTitle === null) ? null : { url: r.pageUrl, title: r.pageTitle },
    rating: r.rating,
    neededStaff: r.staffAt !== null,
    erased,
  };
}

/**
 * GET /api/v1/conversations: a site's chats in the order they last changed, then by id, paged by an
 * opaque cursor. Chats deleted by the site's retention are simply gone; erased ones come back as
 * tombstones (dates, helper, rating).
 */
export class V1ConversationsService {
  constructor(private readonly db: Db) {}

  async page(key: ApiKeyPrincipal, q: V1ConversationsQuery): Promise<V1ConversationPage> {
    requireKeyScope(key, 'numbers:read');
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    const from = after
      ? sql`(c.updated_at, c.id) > (to_timestamp(0) + ${after.micros}::bigint * interval '1 microsecond', ${after.id}::uuid)`
      : q.updatedSince
        ? sql`c.updated_at >= ${q.updatedSince}::timestamptz`
        : sql`true`;
    const result = await this.db.execute(sql`
      select c.id, c.visitor_id as "visitorId", c.status, c.created_at as "createdAt", c.updated_at as "updatedAt",
        (extract(epoch from c.updated_at) * 1000000)::bigint::text as micros,
        c.first_response_at as "answeredAt", c.closed_at as "closedAt", c.closed_by as "closedBy",
        c.helper_id as "helperId", u.display_name as "helperName", c.question, c.topics, c.locale,
        c.page_url as "pageUrl", c.page_title as "pageTitle", c.rating, c.staff_at as "staffAt", c.erased_at as "erasedAt"
      from conversations c left join users u on u.id = c.helper_id
      where c.site_id = ${key.siteId} and ${from}
        and c.updated_at < clock_timestamp() - ${V1_SETTLE_MS} * interval '1 millisecond'
      order by c.updated_at, c.id
      limit ${q.limit + 1}`);
    const rows = (result as unknown as { rows: Row[] }).rows;
    const more = rows.length > q.limit;
    const shown = rows.slice(0, q.limit);
    const last = shown.at(-1);
    // An empty page keeps the caller where it was: asking again later with the same cursor is how to follow changes.
    const nextCursor = last ? encodeCursor({ micros: last.micros, id: last.id }) : (q.cursor ?? null);
    return { conversations: shown.map(view), nextCursor, hasMore: more };
  }
}
