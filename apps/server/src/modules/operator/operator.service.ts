import { desc, sql } from 'drizzle-orm';
import { sites } from '@tribu/db';
import type { AdminAppointed, OperatorSite, OperatorSiteCreated, SiteCreate } from '@tribu/protocol';
import { appointAdmin } from './appoint-admin.ts';
import { FieldsError, notFound } from '../../lib/errors.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { acceptableName } from '../community/display-names.ts';
import type { HelperActor } from '../actors.ts';
import type { Session } from '../auth/auth.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { InvitationService } from '../recruitment/invitation.service.ts';
import { embedSnippet } from '../sites/site-settings.service.ts';

/** The listed site's id, qualified with its table so no sub-query can read it as its own `id`. */
const OUTER_SITE_ID = sql.raw('"sites"."id"');

type Created = Omit<SiteCreate, 'allowedOrigins'> & { allowedOrigins: string[] };

/** The install's operator answers to nobody's site rights: anyone else finds no such page. */
export function requireOperator(session: Session): HelperActor {
  if (!session.me.operator) throw notFound('Page');
  return session.actor;
}

/** The operator's view of the install: every site with its size, and new sites with their first admin. */
export class OperatorService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly invitations: InvitationService,
    private readonly publicUrl: string,
  ) {}

  async list(): Promise<OperatorSite[]> {
    const rows = await this.deps.db
      .select({
        id: sites.id,
        key: sites.key,
        name: sites.name,
        allowedOrigins: sites.allowedOrigins,
        createdAt: sites.createdAt,
        // `${sites.id}` renders as a bare "id" here, which a sub-query resolves to its own table's id:
        // the outer row is named in full.
        members: sql<number>`(select count(*)::int from memberships m where m.site_id = ${OUTER_SITE_ID})`,
        admins: sql<number>`(select count(*)::int from memberships m where m.site_id = ${OUTER_SITE_ID} and m.role = 'admin' and m.status = 'active')`,
        chatsThisMonth: sql<number>`(select count(*)::int from conversations c where c.site_id = ${OUTER_SITE_ID}
          and c.created_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')`,
      })
      .from(sites)
      .orderBy(desc(sites.createdAt));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), embed: embedSnippet(this.publicUrl, r.key) }));
  }

  /** Makes an existing account an active admin of the site; their open tabs get the role at once. */
  async appointAdmin(actor: HelperActor, siteId: string, email: string): Promise<AdminAppointed> {
    const { siteId: id, siteName: _name, ...appointed } = await appointAdmin(this.deps.db, actor, siteId, email);
    await this.deps.notify.rightsChanged(appointed.userId, id);
    return appointed;
  }

  /**
   * Makes the site and invites its first admin. The operator acts as that site's admin for the one
   * invitation (they are not a member and get no lasting rights on it); both are audit-logged.
   */
  async create(actor: HelperActor, input: Created): Promise<OperatorSiteCreated> {
    // Checked before the site exists: a refused name leaves nothing half made.
    acceptableName(input.adminName);
    let id: string;
    try {
      const [row] = await this.deps.db
        .insert(sites)
        .values({ key: input.key, name: input.name, allowedOrigins: input.allowedOrigins, settings: {} })
        .returning({ id: sites.id });
      id = row!.id;
    } catch (e) {
      if (isUniqueViolation(e)) throw new FieldsError({ key: `The key "${input.key}" is taken; choose another` });
      throw e;
    }
    await this.deps.audit.record(actor, {
      siteId: null,
      action: 'site.created',
      targetKind: 'site',
      targetId: id,
      targetLabel: `${input.name} (${input.key})`,
      details: { allowedOrigins: input.allowedOrigins, firstAdmin: input.adminEmail },
    });
    const invitation = await this.invitations.invite(
      { ...actor, roles: { ...actor.roles, [id]: 'admin' } },
      { siteId: id, email: input.adminEmail, name: input.adminName, role: 'admin' },
    );
    const site = (await this.list()).find((s) => s.id === id)!;
    return { site, invitation };
  }
}
