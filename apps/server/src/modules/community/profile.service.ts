import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { conversations, memberships, sites, users } from '@tribu/db';
import { ErrorCode, type MemberSummary, type MyProfile, type ProfileUpdate, type PublicProfile } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { memberSites, roleOn } from '../access.ts';
import { acceptableMemberName } from './display-names.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { OnlineMinutes } from './online-minutes.ts';
import { ProfilePhotos } from './profile-photos.ts';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
/** `fr`, `pt-br`: a code Intl knows a name for (an unknown `xx` comes back as itself). */
export function isKnownLanguage(code: string): boolean {
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(code)) return false;
  const name = languageNames.of(code);
  return name !== undefined && name.toLowerCase() !== code;
}

/** Profiles (public and my own), photos, hours online. */
export class ProfileService {
  readonly minutes: OnlineMinutes;
  readonly photos: ProfilePhotos;

  constructor(readonly deps: ModuleDeps) {
    this.minutes = new OnlineMinutes(deps.db, deps.localHelpers, (err) => deps.log.warn({ err }, 'online minutes not recorded'));
    this.photos = new ProfilePhotos(deps.db);
  }

  /** A member of `siteId` as a reader of that site sees them; anyone else answers like missing. */
  /** The members of one of the reader's sites, by name; nothing private. */
  async members(reader: HelperActor, siteId: string): Promise<MemberSummary[]> {
    if (!roleOn(reader, siteId)) throw notFound('Site');
    return this.deps.db
      .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.siteId, siteId))
      .orderBy(users.displayName);
  }

  async publicProfile(reader: HelperActor, siteId: string, userId: string): Promise<PublicProfile> {
    if (!roleOn(reader, siteId)) throw notFound('Person');
    const [row] = await this.deps.db
      .select({ u: users, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)))
      .limit(1);
    if (!row) throw notFound('Person');
    const [answered] = await this.deps.db
      .select({ n: count() })
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.helperId, userId), isNotNull(conversations.firstResponseAt)));
    const u = row.u;
    return {
      id: u.id,
      displayName: u.displayName,
      avatarUrl: u.avatarUrl,
      bio: u.bio,
      languages: u.languages,
      expertise: u.expertise,
      role: row.role,
      memberSince: row.since.toISOString(),
      answeredChats: answered?.n ?? 0,
    };
  }

  async mine(userId: string): Promise<MyProfile> {
    const [u] = await this.deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!u) throw new AppError(ErrorCode.unauthorized, 'Sign in first');
    const p = u.notifyPrefs;
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      avatarUrl: u.avatarUrl,
      bio: u.bio,
      languages: u.languages,
      expertise: u.expertise,
      locale: u.locale ?? null,
      notifyPrefs: {
        sound: p.sound ?? false,
        desktop: p.desktop ?? false,
        mentions: p.mentions ?? true,
        digest: p.digest !== false,
        nameInDigest: p.nameInDigest === true,
      },
      restReminderHours: u.restReminderHours,
      hours: await this.minutes.hours(userId),
    };
  }

  async update(actor: HelperActor, input: ProfileUpdate): Promise<MyProfile> {
    const bad = input.languages?.filter((l) => !isKnownLanguage(l)) ?? [];
    if (bad.length) throw new AppError(ErrorCode.badRequest, `Unknown language code: ${bad.join(', ')} (use codes like en, fr, es)`);
    if (input.expertise?.length) await this.checkExpertise(actor, input.expertise);
    const current = await this.mine(actor.userId);
    const set: Partial<typeof users.$inferInsert> = {};
    if (input.displayName !== undefined) set.displayName = await acceptableMemberName(this.deps.db, input.displayName, memberSites(actor), actor.userId);
    if (input.bio !== undefined) set.bio = input.bio || null;
    if (input.languages) set.languages = [...new Set(input.languages)];
    if (input.expertise) set.expertise = [...new Set(input.expertise)];
    if (input.locale !== undefined) set.locale = input.locale;
    if (input.notifyPrefs) set.notifyPrefs = { ...current.notifyPrefs, ...input.notifyPrefs };
    if (input.restReminderHours !== undefined) set.restReminderHours = input.restReminderHours;
    if (Object.keys(set).length) await this.deps.db.update(users).set(set).where(eq(users.id, actor.userId));
    const updated = await this.mine(actor.userId);
    this.announce(actor, updated);
    return updated;
  }

  private async checkExpertise(actor: HelperActor, tags: string[]): Promise<void> {
    const ids = memberSites(actor);
    const rows = ids.length ? await this.deps.db.select({ settings: sites.settings }).from(sites).where(inArray(sites.id, ids)) : [];
    const known = new Set(rows.flatMap((r) => (r.settings.topics ?? []).map((t) => t.tag)));
    const unknown = tags.filter((t) => !known.has(t));
    if (unknown.length) throw new AppError(ErrorCode.badRequest, `Not a topic of your community: ${unknown.join(', ')}`);
  }

  async setPhoto(actor: HelperActor, bytes: Buffer): Promise<MyProfile> {
    await this.photos.set(actor.userId, bytes);
    const profile = await this.mine(actor.userId);
    this.announce(actor, profile);
    return profile;
  }

  async deletePhoto(actor: HelperActor): Promise<MyProfile> {
    await this.photos.remove(actor.userId);
    const profile = await this.mine(actor.userId);
    this.announce(actor, profile);
    return profile;
  }

  /** My other tabs refresh, and peers re-list so they see the new name or photo. */
  announce(actor: HelperActor, p: { id: string; displayName: string; avatarUrl: string | null }): void {
    this.deps.notify.profileUpdated(actor.userId, { id: p.id, displayName: p.displayName, avatarUrl: p.avatarUrl });
    for (const siteId of memberSites(actor)) this.deps.notify.presenceChanged(siteId);
  }
}
