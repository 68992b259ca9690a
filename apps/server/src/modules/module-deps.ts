import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '@tribu/db';
import type { Mailer } from '../lib/mailer.ts';
import type { AuditService } from './audit/audit.service.ts';
import type { ConversationRepository } from './conversations/conversation.repository.ts';
import type { ConversationService } from './conversations/conversation.service.ts';
import type { LocalHelpers, Notifier } from './notifier.ts';
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
  /** Where modules publish their facts (the socket layer delivers them to every node). */
  notify: Notifier;
  /** Who has the backoffice open on this node. */
  localHelpers: LocalHelpers;
  log: FastifyBaseLogger;
}
