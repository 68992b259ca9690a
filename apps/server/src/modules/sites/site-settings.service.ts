import { and, eq, ne, sql } from 'drizzle-orm';
import { memberships, sites, twoFactor, type Db, type SiteSettings } from '@tribu/db';
import { DEFAULT_CHAT_CAP, DEFAULT_PUSH_AFTER_SEC, DEFAULT_RELEASE_AFTER_SEC, DEFAULT_WAITING_EMAIL_HOURS } from '@tribu/domain';
import { DEFAULT_ATTRIBUTION_DAYS, DEFAULT_DIGEST_FREQUENCY, LOCALES, type Locale, type SiteSettingsPatchParsed, type SiteSettingsView } from '@tribu/protocol';
import { FieldsError, notFound } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { requireAdmin } from '../access.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { SiteRow } from './site.service.ts';
import { DEFAULT_TEXTS } from './widget.routes.ts';
import { forgetSiteAddresses } from '../moderation/bans.repository.ts';

const hasTwoFactor = async (db: Db, userId: string) =>
  (await db.select({ on: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, userId)))[0]?.on != null;

/** The tag a merchant pastes on their pages. */
export const embedSnippet = (publicUrl: string, key: string) => `<script src="${publicUrl}/widget.js" data-site="${key}" async></script>`;

/** A stored site as its admins edit it, every default filled in. */
export function settingsView(site: SiteRow, publicUrl: string): SiteSettingsView {
  const s = site.settings;
  const locales = s.locales?.length ? LOCALES.filter((l) => s.locales!.includes(l)) : [...LOCALES];
  return {
    site: { id: site.id, key: site.key, name: site.name },
    settings: {
      name: site.name,
      timeZone: s.timeZone ?? 'UTC',
      allowedOrigins: site.allowedOrigins,
      locales,
      defaultLocale: s.defaultLocale && locales.includes(s.defaultLocale) ? s.defaultLocale : locales[0]!,
      texts: s.texts ?? {},
      color: /^#[0-9a-f]{6}$/i.test(s.color ?? '') ? s.color! : '#2f6f4f',
      position: s.position === 'left' ? 'left' : 'right',
      themeMode: s.themeMode ?? 'auto',
      launcherOffset: s.launcherOffset ?? 20,
      minHelpers: s.minHelpers ?? 1,
      chatCap: s.chatCap ?? DEFAULT_CHAT_CAP,
      releaseAfterSec: s.releaseAfterSec ?? DEFAULT_RELEASE_AFTER_SEC,
      offlineMode: s.offlineMode ?? 'ask',
      retentionDays: s.retentionDays ?? null,
      storeAddresses: s.storeAddresses !== false,
      attributionDays: s.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS,
      showSalesAmountsToHelpers: s.showSalesAmountsToHelpers === true,
      pushAfterSec: s.pushAfterSec ?? DEFAULT_PUSH_AFTER_SEC,
      waitingEmailHours: s.waitingEmailHours ?? DEFAULT_WAITING_EMAIL_HOURS,
      twoFactorForManagers: s.twoFactorForManagers === true,
      digestFrequency: s.digestFrequency ?? DEFAULT_DIGEST_FREQUENCY,
      prechat: { name: s.prechat?.name ?? 'off', email: s.prechat?.email ?? 'off', consent: s.prechat?.consent === true },
    },
    defaultTexts: DEFAULT_TEXTS,
    embed: embedSnippet(publicUrl, site.key),
  };
}

/** Texts as stored: empty ones dropped (they mean "Tribu's wording"), empty languages too. */
function cleanTexts(texts: NonNullable<SiteSettingsPatchParsed['texts']>): NonNullable<SiteSettings['texts']> {
  const out: NonNullable<SiteSettings['texts']> = {};
  for (const l of LOCALES) {
    const entries = Object.entries(texts[l] ?? {}).filter(([, v]) => typeof v === 'string' && v.length > 0);
    if (entries.length) out[l] = Object.fromEntries(entries);
  }
  return out;
}

type View = SiteSettingsView['settings'];

/** What changed, field by field (`{ color: { from, to } }`), for the audit log. */
function diff(before: View, after: View): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(after) as (keyof View)[]) {
    if (k === 'texts') {
      for (const l of LOCALES) {
        const keys = new Set([...Object.keys(before.texts[l] ?? {}), ...Object.keys(after.texts[l] ?? {})]);
        for (const t of keys) {
          const from = (before.texts[l] as Record<string, string> | undefined)?.[t] ?? null;
          const to = (after.texts[l] as Record<string, string> | undefined)?.[t] ?? null;
          if (from !== to) out[`texts.${l}.${t}`] = { from, to };
        }
      }
    } else if (k === 'prechat') {
      for (const q of ['name', 'email', 'consent'] as const) {
        if (before.prechat[q] !== after.prechat[q]) out[`prechat.${q}`] = { from: before.prechat[q], to: after.prechat[q] };
      }
    } else if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      out[k] = { from: before[k], to: after[k] };
    }
  }
  return out;
}

/** Site settings for its admins: read with defaults, write a checked subset, audit the diff, tell every node. */
export class SiteSettingsService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly publicUrl: string,
  ) {}

  async get(actor: HelperActor, siteId: string): Promise<SiteSettingsView> {
    requireAdmin(actor, siteId);
    return settingsView(await this.row(siteId), this.publicUrl);
  }

  async update(actor: HelperActor, siteId: string, patch: SiteSettingsPatchParsed): Promise<SiteSettingsView> {
    requireAdmin(actor, siteId);
    const site = await this.row(siteId);
    const before = settingsView(site, this.publicUrl).settings;
    const locales = patch.locales ?? before.locales;
    const defaultLocale = patch.defaultLocale ?? before.defaultLocale;
    if (!locales.includes(defaultLocale)) {
      throw new FieldsError({ defaultLocale: 'The default language must be one of the languages offered' });
    }
    // Asking managers for two-step sign-in: the admin who turns it on must use it, or they would lose the page at once.
    if (patch.twoFactorForManagers && !before.twoFactorForManagers && !(await hasTwoFactor(this.deps.db, actor.userId))) {
      throw new FieldsError({ twoFactorForManagers: 'Turn on two-step sign-in for yourself first (in your profile), then ask it of the managers' });
    }
    const { name, allowedOrigins, texts, ...rest } = patch;
    const settingsPatch: Partial<SiteSettings> = { ...rest, locales: locales as Locale[], defaultLocale };
    if (texts) settingsPatch.texts = cleanTexts(texts);
    const changes = await this.deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(sites)
        .set({
          ...(name !== undefined ? { name } : {}),
          ...(allowedOrigins !== undefined ? { allowedOrigins } : {}),
          settings: sql`${sites.settings} || ${JSON.stringify(settingsPatch)}::jsonb`,
        })
        .where(eq(sites.id, siteId))
        .returning();
      if (!row) throw notFound('Site');
      const changed: Record<string, unknown> = diff(before, settingsView(row, this.publicUrl).settings);
      // Addresses off: the hashes already kept go too (chats and bans), in the same transaction.
      if (before.storeAddresses && patch.storeAddresses === false) changed.addressesForgotten = await forgetSiteAddresses(tx, siteId);
      if (Object.keys(changed).length) {
        await this.deps.audit.record(
          actor,
          { siteId, action: 'site.settings_changed', targetKind: 'site', targetId: siteId, targetLabel: row.name, details: { changes: changed } },
          tx,
        );
      }
      return changed;
    });
    // Every node drops its cached copy now: the widget endpoint and handshakes read the new settings.
    if (Object.keys(changes).length) this.deps.sites.changed(siteId);
    // Managers without two-step sign-in act here as helpers from now on (or as managers again): their tabs re-read their rights.
    if ('twoFactorForManagers' in changes) {
      const managers = await this.deps.db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.siteId, siteId), ne(memberships.role, 'helper')));
      for (const m of managers) await this.deps.notify.rightsChanged(m.userId, siteId);
    }
    return settingsView(await this.row(siteId, true), this.publicUrl);
  }

  private async row(siteId: string, fresh = false): Promise<SiteRow> {
    if (fresh) this.deps.sites.forget(siteId);
    const site = await this.deps.sites.byId(siteId);
    if (!site) throw notFound('Site');
    return site;
  }
}
