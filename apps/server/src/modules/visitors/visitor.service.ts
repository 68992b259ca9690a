import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { visitors, type Db } from '@tribu/db';
import { ErrorCode, type VisitorTokenRequest, type VisitorTokenResponse } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import { isOriginAllowed } from '../../lib/origin.ts';
import { makeVisitorToken, verifyVisitorToken } from '../../lib/visitor-token.ts';
import type { VisitorActor } from '../actors.ts';
import type { SiteService } from '../sites/site.service.ts';

export interface OriginInfo {
  origin: string | undefined;
  host: string | undefined;
}

/** Anonymous visitor identities: a random id bound to one site by an HMAC token. */
export class VisitorService {
  constructor(
    private readonly db: Db,
    private readonly sites: SiteService,
    private readonly secret: string,
    /** Tribu's public address: a site's `self` origin is this one, scheme included. */
    private readonly publicUrl?: string,
  ) {}

  /** Confirms a stored identity, or mints a new one when there is none or it is not valid. */
  async token(input: VisitorTokenRequest, from: OriginInfo): Promise<VisitorTokenResponse> {
    const site = await this.allowedSite(input.siteKey, from);
    if (input.visitorId && input.token && verifyVisitorToken(this.secret, site.id, input.visitorId, input.token)) {
      await this.db.insert(visitors).values({ id: input.visitorId, siteId: site.id }).onConflictDoNothing();
      // An erased identity is never confirmed again: the widget gets a fresh one.
      if (!(await this.isErased(input.visitorId))) return { visitorId: input.visitorId, token: input.token };
    }
    const visitorId = randomUUID();
    await this.db.insert(visitors).values({ id: visitorId, siteId: site.id });
    return { visitorId, token: makeVisitorToken(this.secret, site.id, visitorId) };
  }

  /** Checks a visitor's credentials: known site, allowed origin, genuine token, identity not erased. */
  async authenticate(input: { siteKey: string; visitorId: string; token: string }, from: OriginInfo): Promise<VisitorActor> {
    const visitor = await this.verify(input, from);
    // Read from the database every time, so an erasure on one node holds on all of them at once.
    if (await this.isErased(input.visitorId)) throw new AppError(ErrorCode.unauthorized, 'This visitor identity was erased');
    return visitor;
  }

  /**
   * Known site, allowed origin, genuine token, without any database read (the site is cached): the
   * socket handshake asks whether the identity is erased or banned in one statement after it (VisitorGate).
   */
  async verify(input: { siteKey: string; visitorId: string; token: string }, from: OriginInfo): Promise<VisitorActor> {
    const site = await this.allowedSite(input.siteKey, from);
    if (!verifyVisitorToken(this.secret, site.id, input.visitorId, input.token)) {
      throw new AppError(ErrorCode.unauthorized, 'Invalid visitor token');
    }
    return { kind: 'visitor', visitorId: input.visitorId, siteId: site.id };
  }

  private async isErased(visitorId: string): Promise<boolean> {
    const [row] = await this.db.select({ erasedAt: visitors.erasedAt }).from(visitors).where(eq(visitors.id, visitorId)).limit(1);
    return row?.erasedAt != null;
  }

  private async allowedSite(siteKey: string, from: OriginInfo) {
    const site = await this.sites.byKey(siteKey);
    if (!site) throw new AppError(ErrorCode.notFound, 'Unknown site');
    if (!isOriginAllowed(from.origin, site.allowedOrigins, from.host, this.publicUrl)) {
      throw new AppError(ErrorCode.originNotAllowed, 'This page is not allowed to use the chat of this site');
    }
    return site;
  }
}
