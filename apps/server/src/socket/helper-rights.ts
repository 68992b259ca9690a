import type { FastifyBaseLogger } from 'fastify';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import { mayReadConversation, memberSites, sitesWithRole, type ConversationAccessFacts } from '../modules/access.ts';
import type { Session } from '../modules/auth/auth.service.ts';
import { rooms, type HelperNamespace, type HelperSocket, type HelperSocketData } from './io.ts';

/**
 * How long a node trusts what it read of a session before reading it again. Ends and rights
 * changes are pushed to every node at once; this only bounds what a missed push could leave stale.
 */
export const SESSION_RECHECK_MS = 3_000;
// setTimeout's longest delay; a later expiry re-arms the timer.
const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_CACHED = 10_000;
const CONVERSATION = rooms.conversation('');

export interface HelperRightsDeps {
  ns: HelperNamespace;
  /** The live session with the person's current rights (undefined once ended or expired). */
  session: (id: string) => Promise<Session | undefined>;
  /** The read-rule facts of these conversations (missing ones left out). */
  conversations: (ids: string[]) => Promise<(ConversationAccessFacts & { id: string })[]>;
  /** Other nodes share the adapter (Redis): rights and session ends are told to them too. */
  multiNode: boolean;
  log: FastifyBaseLogger;
}

type Cached = { until: number; userId: string; session: Promise<Session | undefined> };

/**
 * A helper socket acts with its session's rights *now*, never the ones it connected with:
 * every command re-reads them (cached a few seconds per node, dropped at once on every node when
 * rights change or a session ends), and one `reconcile` keeps the socket in exactly the rooms
 * those rights allow — its user and session rooms, its sites' rooms, and the conversations it may
 * read by `mayReadConversation`.
 */
export class HelperRights {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly deps: HelperRightsDeps) {
    deps.ns.on('rights:changed', (userId, done) => {
      this.rightsChangedHere(userId)
        .catch((err: unknown) => deps.log.warn({ err }, 'rights not re-read on this node'))
        .finally(() => done(true));
    });
    deps.ns.on('sessions:ended', (ids, done) => {
      this.sessionsEndedHere(ids);
      done(true);
    });
  }

  /** What a socket keeps of the session it connected with. */
  static dataOf(session: Session): HelperSocketData {
    return {
      ...session.actor,
      roles: { ...session.actor.roles },
      sessionId: session.id,
      expiresAt: session.expiresAt.getTime(),
      rev: 0,
      locale: session.me.user.locale,
    };
  }

  /** A new (or resumed) socket: into its rooms, out of any it may not be in, closed at its session's expiry. */
  async attach(socket: HelperSocket): Promise<void> {
    if (socket.disconnected) return; // gone during its set-up: no timer to leave behind
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      timer = setTimeout(
        () => {
          if (Date.now() >= socket.data.expiresAt) this.close(socket);
          else arm();
        },
        Math.max(0, Math.min(MAX_TIMER_MS, socket.data.expiresAt - Date.now())),
      );
      timer.unref();
    };
    arm();
    socket.on('disconnect', () => clearTimeout(timer));
    await this.reconcile(socket);
  }

  /**
   * Before every command: the session must be alive (else `unauthorized` and the socket closes),
   * and the socket takes its current rights (leaving rooms it lost).
   */
  async current(socket: HelperSocket): Promise<void> {
    const d = socket.data;
    const session = Date.now() < d.expiresAt ? await this.read(d.sessionId, d.userId) : undefined;
    if (!session || Date.now() >= socket.data.expiresAt) {
      this.close(socket);
      throw new AppError(ErrorCode.unauthorized, 'Your session has ended; sign in again');
    }
    await this.apply(socket, session, false);
  }

  /** After a command joined rooms: if the rights changed while it ran, the join is checked again. */
  async joined(socket: HelperSocket, rev: number): Promise<void> {
    if (socket.data.rev !== rev) await this.reconcile(socket);
  }

  /** A person's rights changed: their tabs on every node re-read them; resolves when all nodes did. */
  async rightsChanged(userId: string): Promise<void> {
    await this.everyNode(
      () => this.rightsChangedHere(userId),
      () => this.deps.ns.serverSideEmitWithAck('rights:changed', userId),
    );
  }

  /** Sessions ended: their tabs on every node close; resolves when all nodes did. */
  async sessionsEnded(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.everyNode(
      async () => this.sessionsEndedHere(ids),
      () => this.deps.ns.serverSideEmitWithAck('sessions:ended', ids),
    );
  }

  /** Leaves every room the socket's current rights do not allow, and joins its user, session and site rooms. */
  async reconcile(socket: HelperSocket): Promise<void> {
    const d = socket.data;
    const keep = this.leaveLostSiteRooms(socket);
    await socket.join([...keep].filter((r) => r !== socket.id));
    const held = [...socket.rooms].filter((r) => r.startsWith(CONVERSATION)).map((r) => r.slice(CONVERSATION.length));
    if (held.length > 0) {
      for (const c of await this.deps.conversations(held)) {
        if (mayReadConversation(d, c)) keep.add(rooms.conversation(c.id));
      }
    }
    for (const room of [...socket.rooms]) if (!keep.has(room)) await socket.leave(room);
  }

  /**
   * The synchronous half of `reconcile`: leaves every user, session and site room the current
   * rights do not allow (a resumed connection gets its old rooms back before any handler runs).
   * Returns the rooms outside conversations the socket belongs in.
   */
  leaveLostSiteRooms(socket: HelperSocket): Set<string> {
    const d = socket.data;
    const keep = new Set([
      socket.id,
      rooms.user(d.userId),
      rooms.session(d.sessionId),
      ...memberSites(d).map(rooms.siteHelpers),
      ...sitesWithRole(d, 'moderator').map(rooms.siteManagers),
    ]);
    for (const room of [...socket.rooms]) if (!keep.has(room) && !room.startsWith(CONVERSATION)) void socket.leave(room);
    return keep;
  }

  /**
   * Every socket of this node re-reads its rights and rooms: after this node's Redis link was down,
   * it may have missed a rights change or a sign-out told by another node.
   */
  async recheckAll(): Promise<void> {
    this.cache.clear();
    await Promise.all([...this.deps.ns.sockets.values()].map((socket) => this.recheck(socket)));
  }

  private async rightsChangedHere(userId: string): Promise<void> {
    for (const [id, entry] of this.cache) if (entry.userId === userId) this.cache.delete(id);
    await Promise.all(this.localIn(rooms.user(userId)).map((socket) => this.recheck(socket)));
  }

  private async recheck(socket: HelperSocket): Promise<void> {
    try {
      const session = await this.cached(socket.data.sessionId, socket.data.userId);
      if (!session) this.close(socket);
      else await this.apply(socket, session, true);
    } catch (err) {
      // Rights we could not re-read are not kept: the tab reconnects through the handshake.
      this.deps.log.warn({ err }, 'rights not re-read; closing the socket');
      this.close(socket);
    }
  }

  private sessionsEndedHere(ids: string[]): void {
    for (const id of ids) {
      this.cache.delete(id);
      for (const socket of this.localIn(rooms.session(id))) this.close(socket);
    }
  }

  /** Takes the session's current rights; a change bumps `rev` and reconciles the rooms. */
  private async apply(socket: HelperSocket, session: Session, always: boolean): Promise<void> {
    const d = socket.data;
    d.displayName = session.actor.displayName;
    d.locale = session.me.user.locale;
    d.locale = session.actor.locale ?? null;
    d.expiresAt = Math.min(d.expiresAt, session.expiresAt.getTime());
    const changed = !sameRoles(d.roles, session.actor.roles);
    if (changed) {
      d.roles = { ...session.actor.roles };
      d.rev += 1;
    }
    if (changed || always) await this.reconcile(socket);
  }

  /** The session as cached on this node; a read overtaken by a rights change is read again. */
  private async read(id: string, userId: string): Promise<Session | undefined> {
    for (let attempt = 0; ; attempt++) {
      const pending = this.cached(id, userId);
      const session = await pending;
      if (this.cache.get(id)?.session === pending || attempt >= 2) return session;
    }
  }

  private cached(id: string, userId: string): Promise<Session | undefined> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.session;
    return this.fresh(id, userId);
  }

  private fresh(id: string, userId: string): Promise<Session | undefined> {
    if (this.cache.size >= MAX_CACHED) {
      const now = Date.now();
      for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
    }
    const session = this.deps.session(id);
    const entry: Cached = { until: Date.now() + SESSION_RECHECK_MS, userId, session };
    this.cache.set(id, entry);
    // A failed read (database down) is not remembered: the next command reads again.
    session.catch(() => {
      if (this.cache.get(id) === entry) this.cache.delete(id);
    });
    return session;
  }

  /** Refuses every further command at once, then closes the connection (after a pending ack is sent). */
  private close(socket: HelperSocket): void {
    socket.data.expiresAt = 0;
    setImmediate(() => socket.disconnect(true));
  }

  private localIn(room: string): HelperSocket[] {
    const ids = this.deps.ns.adapter.rooms.get(room);
    if (!ids) return [];
    return [...ids].map((id) => this.deps.ns.sockets.get(id)).filter((s): s is HelperSocket => s !== undefined);
  }

  private async everyNode(here: () => Promise<void>, others: () => Promise<unknown>): Promise<void> {
    const told = this.deps.multiNode
      ? others().catch((err: unknown) => this.deps.log.warn({ err }, 'not every node acknowledged a rights or session change'))
      : undefined;
    await here();
    await told;
  }
}

function sameRoles(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
