import { DEFAULT_PUSH_AFTER_SEC, DEFAULT_WAITING_EMAIL_HOURS, PUSH_RATE, pushVerdict, waitingEmailDue } from '@tribu/domain';
import {
  ErrorCode,
  type KpiQuery,
  type Notification,
  type PushConfig,
  type PushPrefs,
  type PushStats,
  type PushSubscribe,
  type PushTestResult,
} from '@tribu/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { resolveTarget } from '../../lib/ssrf.ts';
import type { Mailer } from '../../lib/mailer.ts';
import { mailBody } from '../../lib/mail-body.ts';
import { mayTakeRequest, requireManager, roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { SiteService } from '../sites/site.service.ts';
import { KpiRepository } from '../kpi/kpi.repository.ts';
import type { Db } from '@tribu/db';
import { PushRepository, type Callee, type WaitingRequest } from './push.repository.ts';
import type { PushMessage, PushSender } from './push.sender.ts';
import { mailWords } from '../../i18n/mails/index.ts';
import { translateNotification } from '../../i18n/notifications/index.ts';

export interface PushDeps {
  db: Db;
  sites: SiteService;
  mailer: Mailer;
  sender: PushSender;
  /** People with a backoffice tab open on the site, on any node (the socket layer answers). */
  tabsOpen(siteId: string): Promise<Set<string>>;
  publicUrl: string;
  /** Plain-http endpoints are refused unless this is set (tests run a local push service). */
  allowHttp: boolean;
  log: FastifyBaseLogger;
}

const snippet = (text: string, n = 90) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** The actor a callee acts as on the site their membership is on (the access layer decides with it). */
const actorOf = (c: Callee): HelperActor => ({ kind: 'helper', userId: c.userId, displayName: c.displayName, roles: { [c.siteId]: c.role } });

/**
 * Web Push and the "visitors are waiting" email: devices (one per browser, tied to its sign-in),
 * the person's preferences, and who is called when a request waits, a hand-off is offered or
 * someone is mentioned — by the pure rule `pushVerdict`, once per request across nodes.
 */
export class PushService {
  readonly repo: PushRepository;

  constructor(private readonly deps: PushDeps) {
    this.repo = new PushRepository(deps.db);
  }

  // ---------- the person's own device and preferences ----------

  async config(actor: HelperActor, sessionId: string): Promise<PushConfig> {
    const [mine, devices, u] = await Promise.all([
      this.repo.devicesOfSession(sessionId),
      this.repo.countDevices(actor.userId),
      this.repo.prefsOf(actor.userId),
    ]);
    return {
      publicKey: this.deps.sender.publicKey,
      thisDevice: mine.length > 0,
      devices,
      prefs: prefsView(u?.prefs ?? {}),
      mailConfigured: this.deps.mailer.configured,
    };
  }

  async subscribe(actor: HelperActor, sessionId: string, input: PushSubscribe): Promise<void> {
    const url = new URL(input.endpoint);
    if (url.protocol !== 'https:' && !(this.deps.allowHttp && url.protocol === 'http:')) {
      throw new AppError(ErrorCode.badRequest, 'A push endpoint must be an https address');
    }
    await resolveTarget(url.hostname, this.deps.allowHttp).catch(() => {
      throw new AppError(ErrorCode.badRequest, 'A push endpoint must be a public https address');
    });
    await this.repo.saveDevice({
      userId: actor.userId,
      sessionId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      label: input.label,
    });
  }

  async unsubscribe(sessionId: string): Promise<number> {
    return this.repo.removeSessionDevices(sessionId);
  }

  async savePrefs(actor: HelperActor, input: PushPrefs): Promise<PushPrefs> {
    return prefsView(await this.repo.savePrefs(actor.userId, input));
  }

  /** A test push to this device only (the rules are not applied: the person asked for it). */
  async test(actor: HelperActor, sessionId: string): Promise<PushTestResult> {
    const devices = await this.repo.devicesOfSession(sessionId);
    let sent = 0;
    for (const d of devices) {
      const r = await this.deps.sender.send(d, {
        title: 'Tribu notifications work',
        body: `This device will tell you when visitors wait, ${actor.displayName}.`,
        url: '/backoffice/',
        tag: 'test',
      });
      if (r.outcome === 'gone') await this.repo.removeDevice(d.id);
      if (r.outcome === 'sent') sent += 1;
    }
    return { sent, failed: devices.length - sent };
  }

  async stats(actor: HelperActor, siteId: string, q: KpiQuery): Promise<PushStats> {
    requireManager(actor, siteId);
    const timeZone = (await this.deps.sites.byId(siteId))?.settings.timeZone ?? 'UTC';
    const b = await new KpiRepository(this.deps.db).bounds(q.from, q.to, timeZone);
    return this.repo.stats(siteId, b.start, b.end);
  }

  // ---------- calling people ----------

  /** The periodic sweep: everyone who may take a request waiting past the site's delay is called once. */
  async callWaiting(now = new Date()): Promise<number> {
    // Lost every right (suspended everywhere, removed, left): their devices go, on whichever node sweeps.
    await this.repo.removeDevicesOfUnaffiliated();
    const waiting = await this.repo.waiting(10, now);
    if (waiting.length === 0) return 0;
    const bySite = new Map<string, WaitingRequest[]>();
    for (const w of waiting) bySite.set(w.siteId, [...(bySite.get(w.siteId) ?? []), w]);
    let calls = 0;
    for (const [siteId, requests] of bySite) {
      const site = await this.deps.sites.byId(siteId);
      if (!site) continue;
      const after = site.settings.pushAfterSec ?? DEFAULT_PUSH_AFTER_SEC;
      const due = requests.filter((r) => now.getTime() - r.createdAt.getTime() >= after * 1000);
      if (due.length === 0) continue;
      const callees = await this.repo.callees([siteId]);
      if (callees.length === 0) continue;
      const [tabs, called, recent] = await Promise.all([
        this.deps.tabsOpen(siteId),
        this.repo.alreadyCalled(due.map((r) => r.id)),
        this.repo.recentPushes(
          callees.map((c) => c.userId),
          new Date(now.getTime() - PUSH_RATE.windowMs),
        ),
      ]);
      for (const r of due) {
        for (const c of callees) {
          const verdict = pushVerdict(
            {
              mayTake: mayTakeRequest(actorOf(c), r),
              away: c.away,
              openTabs: tabs.has(c.userId) ? 1 : 0,
              quietHours: c.prefs.quietHours,
              timeZone: c.prefs.timeZone,
              alreadySent: called.has(`${c.userId}|${r.id}`),
              recentSends: recent.get(c.userId) ?? [],
            },
            now,
          );
          if (verdict !== 'send') continue;
          const message: PushMessage = {
            title: translateNotification(`A visitor is waiting on ${site.name}`, c.locale),
            body: `“${snippet(r.question)}”`,
            url: `/backoffice/?request=${r.id}`,
            tag: `request-${r.id}`,
          };
          if (c.devices > 0) {
            if (!(await this.repo.claimSend({ userId: c.userId, siteId, kind: 'waiting', channel: 'push', conversationId: r.id }))) continue;
            recent.set(c.userId, [...(recent.get(c.userId) ?? []), now]);
            await this.deliver(c.userId, message);
            calls += 1;
          } else if (c.prefs.waitingEmail && this.deps.mailer.configured) {
            const every = site.settings.waitingEmailHours ?? DEFAULT_WAITING_EMAIL_HOURS;
            if (!(await this.repo.claimWaitingEmail(c.userId, siteId, r.id, (last) => waitingEmailDue(last, every, now)))) continue;
            await this.mailWaiting(c, site.name, r, every);
            calls += 1;
          }
        }
      }
    }
    return calls;
  }

  /**
   * A bell notification that also calls the person's devices: a hand-off offered to them, a
   * mention. The same rules as for waiting requests, with "may take" meaning "still a member".
   */
  async noticed(userId: string, n: Notification, now = new Date()): Promise<void> {
    if (n.kind !== 'handoff' && n.kind !== 'mention') return;
    const [c] = await this.repo.callees([n.siteId], [userId]);
    if (!c || c.devices === 0) return;
    const tabs = await this.deps.tabsOpen(n.siteId);
    const recent = await this.repo.recentPushes([userId], new Date(now.getTime() - PUSH_RATE.windowMs));
    const verdict = pushVerdict(
      {
        mayTake: roleOn(actorOf(c), n.siteId) !== undefined,
        away: c.away,
        openTabs: tabs.has(userId) ? 1 : 0,
        quietHours: c.prefs.quietHours,
        timeZone: c.prefs.timeZone,
        alreadySent: false,
        recentSends: recent.get(userId) ?? [],
      },
      now,
    );
    if (verdict !== 'send') return;
    const conversationId = n.kind === 'handoff' ? (n.link.conversationId ?? null) : null;
    if (!(await this.repo.claimSend({ userId, siteId: n.siteId, kind: n.kind, channel: 'push', conversationId }))) return;
    await this.deliver(userId, {
      title: translateNotification(n.kind === 'handoff' ? 'A chat is handed to you' : 'You were mentioned', c.locale),
      body: n.text,
      url: n.kind === 'handoff' ? '/backoffice/' : n.link.postId ? `/backoffice/?post=${n.link.postId}` : '/backoffice/',
      tag: `${n.kind}-${n.id}`,
    });
  }

  /** Every device of the person; subscriptions the push service says are gone are removed. */
  private async deliver(userId: string, message: PushMessage): Promise<void> {
    for (const d of await this.repo.devicesOf(userId)) {
      const r = await this.deps.sender.send(d, message);
      if (r.outcome === 'gone') await this.repo.removeDevice(d.id);
      else if (r.outcome === 'failed') this.deps.log.warn({ status: r.status, userId }, 'push not delivered');
    }
  }

  private async mailWaiting(c: Callee, siteName: string, r: WaitingRequest, every: number): Promise<void> {
    const link = `${this.deps.publicUrl}/backoffice/?request=${r.id}`;
    const w = mailWords(c.locale);
    const body = mailBody({
      lang: c.locale,
      greeting: w.hello(c.displayName),
      paragraphs: [w.waiting.first(siteName)],
      quote: snippet(r.question, 200),
      action: { label: w.waiting.action, url: link },
      footer: w.waiting.footer(every),
    });
    await this.deps.mailer.send({ to: c.email, subject: w.waiting.subject(siteName), ...body });
  }
}

function prefsView(p: { quietHours?: { start: string; end: string } | null; timeZone?: string; waitingEmail?: boolean }): PushPrefs {
  return { quietHours: p.quietHours ?? null, timeZone: p.timeZone ?? 'UTC', waitingEmail: p.waitingEmail === true };
}
