import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '@tribu/db';
import type { Mailer } from '../lib/mailer.ts';
import type { HelperNamespace } from '../socket/io.ts';
import type { AuditService } from './audit/audit.service.ts';
import type { ConversationRepository } from './conversations/conversation.repository.ts';
import type { ConversationService } from './conversations/conversation.service.ts';
import type { NotificationService } from './notifications/notification.service.ts';
import type { PresenceService } from './presence/presence.service.ts';
import type { SiteService } from './sites/site.service.ts';

/** What the backoffice's feature modules (feed, desk, community) are built from, once, in app.ts. */
export interface ModuleDeps {
  db: Db;
  sites: SiteService;
  conversations: ConversationService;
  conversationRepo: ConversationRepository;
  presence: PresenceService;
  notifications: NotificationService;
  /** Every moderation and administration action is written here (who, what, when, why). */
  audit: AuditService;
  /** Outgoing mail; `mailer.configured` is false without SMTP_URL (then offer a link to copy instead). */
  mailer: Mailer;
  /** The `/helper` namespace: modules emit facts to rooms (`rooms.*`), reaching every node through the adapter. */
  helpers: HelperNamespace;
  log: FastifyBaseLogger;
  /** Several nodes share Redis: some facts must also be told to the other nodes (`serverSideEmit`). */
  multiNode: boolean;
}
