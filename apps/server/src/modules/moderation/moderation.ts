import { eq } from 'drizzle-orm';
import { messages } from '@tribu/db';
import { ErrorCode, type Conversation, type Message } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { Socket } from 'socket.io';
import type { VisitorActor } from '../actors.ts';
import type { FeedService } from '../feed/feed.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { clientAddress } from '../../lib/client-address.ts';
import { hashAddress } from './address-hash.ts';
import { BansRepository } from './bans.repository.ts';
import { BANNED_TEXT, BanService } from './bans.service.ts';
import { BlockedWordsService } from './blocked-words.service.ts';
import { ReportService } from './reports.service.ts';
import { TeamService } from './team.service.ts';
import type { WordScreen } from './word-screen.ts';

/** What the visitor namespace asks moderation: who may connect and start, and what a start records. */
export interface VisitorGate {
  /** The keyed hash of the visitor's address (never the address itself). */
  addressOf(socket: Socket): string;
  /** Throws `unauthorized` for an erased identity and `banned` for a banned visitor or address (one database read). */
  refuse(v: VisitorActor, ipHash: string): Promise<void>;
  /** A conversation just started: keep its address hash, screen its question. */
  started(conversation: Conversation, first: Message, ipHash: string): Promise<void>;
}

/** Moderation, built once in app.ts: reports, bans, blocked words, the team. */
export class Moderation implements VisitorGate {
  readonly reports: ReportService;
  readonly bans: BanService;
  readonly words: BlockedWordsService;
  readonly team: TeamService;

  constructor(
    private readonly deps: ModuleDeps,
    feed: FeedService,
    readonly screen: WordScreen,
    private readonly opts: { secret: string; trustProxy: boolean },
  ) {
    this.words = new BlockedWordsService(deps);
    this.team = new TeamService(deps);
    const bansRepo = new BansRepository(deps.db);
    this.reports = new ReportService(deps, feed, screen, bansRepo);
    this.bans = new BanService(deps, this.reports, bansRepo);
  }

  addressOf(socket: Socket): string {
    return hashAddress(this.opts.secret, clientAddress(socket, this.opts.trustProxy));
  }

  async refuse(v: VisitorActor, ipHash: string): Promise<void> {
    // The site's words compiled now, so the question's relay to helpers goes out masked at once.
    const [refusal] = await Promise.all([this.bans.repo.refusal(v.siteId, v.visitorId, ipHash), this.screen.matcher(v.siteId)]);
    // Erased first: an erased identity is gone, whatever else holds for it.
    if (refusal === 'erased') throw new AppError(ErrorCode.unauthorized, 'This visitor identity was erased');
    if (refusal === 'banned') throw new AppError(ErrorCode.banned, BANNED_TEXT);
  }

  async started(conversation: Conversation, first: Message, ipHash: string): Promise<void> {
    await this.bans.recordAddress(conversation.id, ipHash);
    if ((await this.screen.find(conversation.siteId, first.text)).length === 0) return;
    await this.deps.db.update(messages).set({ flagged: true }).where(eq(messages.id, first.id));
    await this.reports.flagged({ ...first, flagged: true });
  }

  /** A relayed visitor message that was flagged: into the queue (errors only logged, the chat goes on). */
  flaggedMessage(message: Message): void {
    if (message.author !== 'visitor' || !message.flagged) return;
    this.reports.flagged(message).catch((err: unknown) => this.deps.log.warn({ err }, 'flagged message not reported'));
  }
}
