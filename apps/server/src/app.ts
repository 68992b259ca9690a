import type { FastifyInstance } from 'fastify';
import { createDb, type DbHandle } from '@tribu/db';
import { conversationFanOut } from './app-events.ts';
import type { Env } from './env.ts';
import { createLimiter } from './lib/rate-limiter.ts';
import { loadSecret } from './lib/secret.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { buildAccounts } from './modules/auth/accounts.ts';
import { passwordResetRoutes } from './modules/auth/password-reset.routes.ts';
import { totpRoutes } from './modules/auth/totp.routes.ts';
import { ConversationRepository } from './modules/conversations/conversation.repository.ts';
import { ConversationService } from './modules/conversations/conversation.service.ts';
import { QueuePositions } from './modules/conversations/queue-positions.ts';
import { Drain } from './modules/health/drain.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { AvailabilityService } from './modules/sites/availability.service.ts';
import { SiteService } from './modules/sites/site.service.ts';
import { widgetRoutes } from './modules/sites/widget.routes.ts';
import { siteAdminRoutes } from './modules/sites/site-admin.routes.ts';
import { SiteMembersService } from './modules/sites/site-members.service.ts';
import { SiteSettingsService } from './modules/sites/site-settings.service.ts';
import { RetentionSweep } from './modules/sites/retention.ts';
import { operatorRoutes } from './modules/operator/operator.routes.ts';
import { OperatorService } from './modules/operator/operator.service.ts';
import { VisitorService } from './modules/visitors/visitor.service.ts';
import { visitorRoutes } from './modules/visitors/visitor.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { createFastify, registerHttpPlugins } from './plugins/http.ts';
import { createRedis, type RedisHandles } from './plugins/redis.ts';
import { registerStatic } from './plugins/static.ts';
import { helpersOnline, setupHelperNamespace } from './socket/helper.namespace.ts';
import { createIo, rooms, socketEvents } from './socket/io.ts';
import { connectionRate } from './socket/connection-budget.ts';
import { HelperRights } from './socket/helper-rights.ts';
import { localHelpers, socketNotifier } from './socket/notifier.ts';
import { PresenceService } from './modules/presence/presence.service.ts';
import { setupVisitorNamespace } from './socket/visitor.namespace.ts';
import { profileRoutes } from './modules/community/profile.routes.ts';
import { ProfileService } from './modules/community/profile.service.ts';
import { DeskService } from './modules/desk/desk.service.ts';
import { FeedService } from './modules/feed/feed.service.ts';
import { imageRoutes } from './modules/feed/image.routes.ts';
import type { ModuleDeps } from './modules/module-deps.ts';
import { NotificationService } from './modules/notifications/notification.service.ts';
import { GamificationService } from './modules/gamification/gamification.service.ts';
import { gamificationRoutes } from './modules/gamification/gamification.routes.ts';
import { kpiRoutes } from './modules/kpi/kpi.routes.ts';
import { KpiService } from './modules/kpi/kpi.service.ts';
import { RewardsService } from './modules/gamification/rewards.service.ts';
import { RulesService } from './modules/gamification/rules.service.ts';
import { withMissionFacts } from './modules/missions/mission-facts.ts';
import { MissionsService } from './modules/missions/missions.service.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { Moderation } from './modules/moderation/moderation.ts';
import { WordScreen } from './modules/moderation/word-screen.ts';
import { moderationRoutes } from './modules/moderation/moderation.routes.ts';
import { teamRoutes } from './modules/moderation/team.routes.ts';
import { auditRoutes } from './modules/moderation/audit.routes.ts';
import { OnboardingService } from './modules/onboarding/onboarding.service.ts';
import { ObserveService } from './modules/onboarding/observe.service.ts';
import { NewcomersService } from './modules/onboarding/newcomers.service.ts';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes.ts';
import { Mailer } from './lib/mailer.ts';
import { InvitationService } from './modules/recruitment/invitation.service.ts';
import { RecruitmentRepository } from './modules/recruitment/recruitment.repository.ts';
import { invitationRoutes } from './modules/recruitment/invitation.routes.ts';
import { ApplicationService } from './modules/recruitment/application.service.ts';
import { recruitmentRoutes } from './modules/recruitment/recruitment.routes.ts';
import { visitorEmailRoutes } from './modules/mail/visitor-email.routes.ts';
import { visitorMails } from './modules/mail/visitor-mails.ts';
import { PageLinks } from './modules/conversations/page-links.ts';
import { PrivacyService } from './modules/privacy/privacy.service.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { ApiKeyService } from './modules/sales/api-key.service.ts';
import { apiKeyRoutes } from './modules/sales/api-key.routes.ts';
import { ConversionService } from './modules/sales/conversion.service.ts';
import { conversionRoutes } from './modules/sales/conversion.routes.ts';
import { ReferralService } from './modules/sales/referral.service.ts';
import { referralRoutes } from './modules/sales/referral.routes.ts';
import { ImpactService } from './modules/sales/impact.service.ts';
import { impactRoutes } from './modules/sales/impact.routes.ts';
import { registerApiKeyAuth } from './plugins/api-key-auth.ts';
import { DigestService } from './modules/digest/digest.service.ts';
import { digestRoutes } from './modules/digest/digest.routes.ts';
import { PledgesService } from './modules/care/pledges.service.ts';
import { pledgeRoutes } from './modules/care/pledges.routes.ts';
import { ThanksService } from './modules/care/thanks.service.ts';
import { thanksRoutes } from './modules/care/thanks.routes.ts';
import { ReengagementService } from './modules/care/reengagement.service.ts';
import { reengagementRoutes } from './modules/care/reengagement.routes.ts';
import { personLocale } from './i18n/person-locale.ts';
import { buildWebhooks } from './modules/webhooks/webhooks.ts';
import { webhookRoutes } from './modules/webhooks/webhook.routes.ts';
import { collectV1Routes } from './plugins/openapi.ts';
import { v1Routes } from './modules/api-v1/v1.routes.ts';
import { V1ConversationsService } from './modules/api-v1/v1-conversations.service.ts';
import { MonthlyReports } from './modules/monthly-report/monthly-report.service.ts';
import { monthlyReportRoutes } from './modules/monthly-report/monthly-report.routes.ts';
import { EventsService } from './modules/community-events/events.service.ts';
import { eventRoutes } from './modules/community-events/events.routes.ts';
import { EventReminders } from './modules/community-events/event-reminders.ts';
import { loadVapid } from './lib/vapid.ts';
import { PushSender } from './modules/push/push.sender.ts';
import { PushService } from './modules/push/push.service.ts';
import { pushRoutes } from './modules/push/push.routes.ts';

export interface AppDeps {
  env: Env;
  /** How long a helper whose last tab closed still counts as online (default 8 s). */
  presenceGraceMs?: number;
  /** An open database; when absent one is created from the environment (and closed with the app). */
  db?: DbHandle;
}

export interface App {
  app: FastifyInstance;
  db: DbHandle;
  redis: RedisHandles | undefined;
  /** Scores an ended chat (tests call it from several nodes at once to prove it awards once). */
  scoreChat(conversationId: string): Promise<void>;
  /** Runs the periodic jobs once now (tests call it instead of waiting for the timer). */
  sweep(): Promise<void>;
  /** Leaving on SIGTERM: readiness fails, clients reconnect elsewhere, message writes finish (main.ts). */
  drain: Drain;
}

/** Builds the whole server without listening: tests call it and then `app.listen({ port: 0 })`. */
export async function buildApp({ env, db: givenDb, presenceGraceMs = 8_000 }: AppDeps): Promise<App> {
  const app = createFastify(env);

  const db =
    givenDb ?? (await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, onError: (err) => app.log.warn({ err }, 'database pool error') }));
  const redis = env.REDIS_URL ? await createRedis(env.REDIS_URL, env.REDIS_PREFIX, app.log) : undefined;
  const secret = loadSecret(env.SECRET, env.DATA_DIR);
  const redisLimit = redis ? { client: redis.client, prefix: redis.prefix } : undefined;

  await registerHttpPlugins(app, redis);

  const { io, visitors: visitorNs, helpers: helperNs } = createIo(app, redis, env);
  // Broadcasts from other nodes were lost while this node's Redis link was down: its own sockets catch up now.
  redis?.onRecovered(() => {
    visitorNs.local.emit('sync:needed', { reason: 'redis' });
    helperNs.local.emit('sync:needed', { reason: 'redis' });
    // A rights change or sign-out told by another node meanwhile was missed too: every tab here re-reads its rights.
    void rights.recheckAll().catch((err: unknown) => app.log.warn({ err }, 'rights not re-read after the Redis outage'));
  });
  // A site changed on one node: the others drop their cached copy within the adapter's delivery time.
  const sites = new SiteService(db.db, (id) => {
    if (redis) helperNs.serverSideEmit('site:changed', id);
  });
  helperNs.on('site:changed', (id) => sites.forget(id));
  // Ended sessions close their sockets on every node (the notifier is built below, once the services it reads exist).
  const auth = new AuthService(db.db, { sessionsEnded: (ids) => notify.sessionsEnded(ids) });
  // Before any route: every /api route is signed-in only unless it says `config: { auth: 'public' }`.
  registerAuth(app, auth);
  // /api/v1: `config: { auth: 'public', apiKey: <scope> }` routes take a site API key instead (plugins/api-key-auth.ts).
  const apiKeys = new ApiKeyService({ db: db.db, audit: new AuditService(db.db) });
  registerApiKeyAuth(app, apiKeys, createLimiter('api-key', { points: 300 * env.RATE_LIMIT_FACTOR, duration: 60 }, redisLimit));
  // Every /api/v1 route is described in /api/v1/openapi.json from its own zod schemas (plugins/openapi.ts).
  const v1Docs = collectV1Routes(app);
  const visitors = new VisitorService(db.db, sites, secret, env.PUBLIC_URL);
  const conversationRepo = new ConversationRepository(db.db, new PageLinks(sites, env.PUBLIC_URL));
  const rights = new HelperRights({
    ns: helperNs,
    session: (id) => auth.bySessionId(id),
    conversations: (ids) => conversationRepo.rowsByIds(ids),
    multiNode: redis !== undefined,
    log: app.log,
  });
  const notify = socketNotifier(helperNs, visitorNs, rights);
  const presenceChanged = (siteId: string) => helperNs.to(rooms.siteHelpers(siteId)).emit('presence:changed', { siteId });
  const presence = new PresenceService({
    db: db.db,
    conversations: conversationRepo,
    sites,
    online: (siteId) => helpersOnline(helperNs, siteId),
    announce: (siteId) => presenceChanged(siteId),
  });
  const availability = new AvailabilityService(
    db.db,
    conversationRepo,
    (siteId) => helpersOnline(helperNs, siteId),
    (ids) => presence.away(ids),
  );
  // Blocked words: visitor messages are screened on send; helpers read them masked.
  const screen = new WordScreen(sites, async (id) => (await conversationRepo.findRow(id))?.siteId);
  const relay = socketEvents(visitorNs, helperNs, env.PUBLIC_URL, screen);
  const positions = new QueuePositions(
    conversationRepo,
    relay,
    async (siteId) => {
      const site = await sites.byId(siteId);
      if (!site) return { minutes: null, helpers: 1 };
      const { availability: a } = await availability.forSite(site);
      return { minutes: a.responseMinutes, helpers: a.helpers.length };
    },
    (err) => app.log.warn({ err }, 'queue positions not announced'),
  );
  const events = conversationFanOut(relay, {
    positions,
    presenceChanged,
    later: () => ({ offlineAnswers, moderation, transcripts, visitorEmails, gamification: { chatEnded: scoreChat }, webhooks: webhooks.conversations }),
    log: app.log,
  });
  const conversations = new ConversationService(conversationRepo, sites, events, async (siteId, text) => (await screen.find(siteId, text)).length > 0);
  // Stored, shown in every tab at once, and (a hand-off, a mention) pushed to the person's devices.
  const notifications = new NotificationService(db.db, (userId, n) => {
    notify.notificationCreated(userId, n);
    void push.noticed(userId, n).catch((err: unknown) => app.log.warn({ err }, 'push not sent'));
  });
  const mailer = new Mailer({ url: env.SMTP_URL, from: env.MAIL_FROM }, app.log);
  const moduleDeps: ModuleDeps = {
    db: db.db,
    mailer,
    sites,
    conversations,
    conversationRepo,
    presence,
    notifications,
    audit: new AuditService(db.db),
    // A feed tip also counts for missions.
    notify: withMissionFacts(notify, () => missions, app.log),
    localHelpers: localHelpers(helperNs),
    log: app.log,
  };
  // Outgoing webhooks: an outbox in Postgres, sent by whichever node leases a delivery first.
  const webhooks = buildWebhooks(moduleDeps, env, secret);
  const vapid = loadVapid(env);
  // Browsers subscribe with one node's public key; a push signed by another node's key is refused.
  if (redis && vapid.generated) app.log.warn('Web Push: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, the same on every node (this node made its own pair)');
  const push = new PushService({
    db: db.db,
    sites,
    mailer,
    sender: new PushSender(vapid, { allowPrivate: env.PUSH_ALLOW_HTTP }),
    tabsOpen: async (siteId) => new Set((await helpersOnline(helperNs, siteId)).map((h) => h.userId)),
    publicUrl: env.PUBLIC_URL,
    allowHttp: env.PUSH_ALLOW_HTTP,
    log: app.log,
  });
  const feed = new FeedService(moduleDeps);
  const desk = new DeskService(moduleDeps);
  const profiles = new ProfileService(moduleDeps);
  const gamification = new GamificationService(moduleDeps);
  const rules = new RulesService(moduleDeps);
  const rewards = new RewardsService(moduleDeps);
  const missions = new MissionsService(moduleDeps, gamification);
  // Issue 17: coverage pledges, the thank-you wall, the "we miss you" note.
  const pledges = new PledgesService(moduleDeps);
  const thanks = new ThanksService(moduleDeps);
  const reengagement = new ReengagementService(moduleDeps, { secret, publicUrl: env.PUBLIC_URL });
  const communityEvents = new EventsService(moduleDeps, gamification, env.PUBLIC_URL);
  const eventReminders = new EventReminders(moduleDeps, communityEvents, env.PUBLIC_URL);
  /** Scores a chat, then counts it for its helper's missions (both idempotent, on whichever node runs them). */
  const scoreChat = async (id: string) => {
    await gamification.chatEnded(id);
    await missions.chatScored(id);
  };
  const moderation = new Moderation(moduleDeps, feed, screen, { secret, trustProxy: env.TRUST_PROXY });
  const recruitmentRepo = new RecruitmentRepository(db.db);
  const invitations = new InvitationService(moduleDeps, recruitmentRepo, { auth, mailer, publicUrl: env.PUBLIC_URL });
  const applications = new ApplicationService(moduleDeps, recruitmentRepo, invitations);
  const {
    emails: visitorEmails,
    transcripts,
    offlineAnswers,
  } = visitorMails(moduleDeps, env.PUBLIC_URL, async (visitorId) => (await visitorNs.in(rooms.visitor(visitorId)).fetchSockets()).length > 0);
  const limiters = {
    visitorEvents: createLimiter('visitor-events', { points: 40 * env.RATE_LIMIT_FACTOR, duration: 10 }, redisLimit),
    helperEvents: createLimiter('helper-events', { points: 100 * env.RATE_LIMIT_FACTOR, duration: 10 }, redisLimit),
    connections: createLimiter('connections', connectionRate(env), redisLimit),
  };

  setupVisitorNamespace(visitorNs, {
    conversations,
    visitors,
    positions,
    limiters: { events: limiters.visitorEvents, connections: limiters.connections },
    trustProxy: env.TRUST_PROXY,
    log: app.log,
    publicUrl: env.PUBLIC_URL,
    gate: moderation,
    thanks,
  });
  setupHelperNamespace(helperNs, {
    conversations,
    presence,
    feed,
    desk,
    profiles,
    notifications,
    gamification,
    rules,
    rewards,
    missions,
    events: communityEvents,
    screen,
    presenceGraceMs,
    auth,
    rights,
    parseCookie: (h) => app.parseCookie(h),
    limiters: { events: limiters.helperEvents, connections: limiters.connections },
    trustProxy: env.TRUST_PROXY,
    log: app.log,
    publicUrl: env.PUBLIC_URL,
  });

  const drain = new Drain(io, () => conversationRepo.settled(), app.log);
  healthRoutes(app, { db, redis, drain });
  const secureCookies = env.PUBLIC_URL.startsWith('https://');
  const accounts = buildAccounts({
    db: db.db,
    auth,
    mailer,
    secret,
    redis: redisLimit,
    publicUrl: env.PUBLIC_URL,
    log: app.log,
    rightsChanged: (u, s) => notify.rightsChanged(u, s),
  });
  authRoutes(app, { auth, signIn: accounts.signIn, secureCookies });
  passwordResetRoutes(app, { resets: accounts.resets });
  totpRoutes(app, { signIn: accounts.signIn, twoFactor: accounts.twoFactor, secureCookies });
  visitorRoutes(app, { visitors });
  profileRoutes(app, { auth, profiles, secureCookies });
  imageRoutes(app, { feed });
  gamificationRoutes(app, { gamification });
  moderationRoutes(app, { moderation });
  teamRoutes(app, { team: moderation.team });
  auditRoutes(app, { audit: moduleDeps.audit });
  const onboarding = new OnboardingService(moduleDeps);
  onboardingRoutes(app, { onboarding, observe: new ObserveService(onboarding), newcomers: new NewcomersService(onboarding) });
  const kpis = new KpiService(moduleDeps);
  kpiRoutes(app, { kpis });
  v1Routes(app, { kpis, conversations: new V1ConversationsService(db.db), docs: v1Docs, publicUrl: env.PUBLIC_URL });
  const monthlyReports = new MonthlyReports(moduleDeps, kpis, { publicUrl: env.PUBLIC_URL, secret });
  monthlyReportRoutes(app, { reports: monthlyReports });
  invitationRoutes(app, { auth, invitations, secureCookies });
  visitorEmailRoutes(app, { visitorEmails });
  recruitmentRoutes(app, { applications });
  widgetRoutes(app, { sites, availability, mailsVisitors: () => mailer.configured, nextPledged: (site) => pledges.next(site) });
  pledgeRoutes(app, { pledges });
  thanksRoutes(app, { thanks });
  reengagementRoutes(app, {
    reengagement,
    siteName: async (id) => (await sites.byId(id))?.name,
    locale: (userId, siteId, acceptLanguage) => personLocale(db.db, userId, siteId, acceptLanguage),
  });
  const privacy = new PrivacyService(moduleDeps, {
    visitors,
    visitorLimiter: limiters.visitorEvents,
    score: scoreChat,
  });
  privacyRoutes(app, { privacy });
  siteAdminRoutes(app, {
    settings: new SiteSettingsService(moduleDeps, env.PUBLIC_URL),
    members: new SiteMembersService(moduleDeps),
    mailConfigured: () => mailer.configured,
  });
  apiKeyRoutes(app, { keys: apiKeys });
  pushRoutes(app, { push });
  referralRoutes(app, { referrals: new ReferralService(moduleDeps) });
  impactRoutes(app, { impact: new ImpactService(moduleDeps) });
  const digests = new DigestService(moduleDeps, { secret, publicUrl: env.PUBLIC_URL });
  digestRoutes(app, { digests });
  eventRoutes(app, { events: communityEvents });
  conversionRoutes(app, { conversions: new ConversionService(moduleDeps), sites, visitors, publicUrl: env.PUBLIC_URL });
  webhookRoutes(app, { webhooks: webhooks.service });
  operatorRoutes(app, { operator: new OperatorService(moduleDeps, invitations, env.PUBLIC_URL) });
  const retention = new RetentionSweep(db.db, (count) => app.log.info({ count }, 'retention: old closed conversations deleted'));
  await registerStatic(app);

  // Every node sweeps; the release is one conditional UPDATE, so each request is released once.
  const sweep = async () => {
    await conversations.releaseUnanswered();
    // A session past its expiry closes its sockets on every node (their own timers close them too).
    await auth.endExpired();
    await retention.maybeRun();
    // The helpers' digest: a draft when a period ends; any send left unfinished carries on (modules/digest).
    await digests.tick();
    // Last month's report to each site's admins and managers on the 1st: one claimed row per person, whichever node sweeps first.
    await monthlyReports.maybeRun();
    // "We miss you" notes: each claimed once in Postgres, whichever node sweeps first.
    await reengagement.maybeRun();
    // The day-before reminders of events: each claimed once in Postgres, whichever node sweeps first.
    await eventReminders.run();
    // Requests waiting past their site's delay call the helpers who opted in (each once: a claimed row in Postgres).
    await push.callWaiting();
  };
  // Hours online: a minute per helper and site, on its own 60 s timer (tests run it through sweep()).
  profiles.minutes.start();
  webhooks.dispatcher.start();
  const sweeper = setInterval(() => sweep().catch((err) => app.log.warn({ err }, 'sweep failed')), 5_000);
  sweeper.unref();

  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    await webhooks.dispatcher.stop();
    profiles.minutes.stop();
    positions.stop();
    mailer.close();
    await new Promise<void>((resolve) => {
      void io.close(() => resolve());
    });
    await redis?.close();
    if (!givenDb) await db.close();
  });

  return {
    app,
    db,
    redis,
    drain,
    scoreChat,
    sweep: async () => {
      await sweep();
      await retention.run();
      await reengagement.run();
      await profiles.minutes.sweep();
      await webhooks.dispatcher.sweep({ prune: true });
    },
  };
}
