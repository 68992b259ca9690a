import { shownPageUrl, siteLinkOrNull } from '../../lib/origin.ts';
import type { SiteService } from '../sites/site.service.ts';

/**
 * The visitor's page as Tribu hands it out (desk, moderation, mails): a link only on the site's
 * allowed origins (`siteLinkOrNull`), anything else as text without a scheme, so no screen links it.
 */
export class PageLinks {
  constructor(
    private readonly sites: Pick<SiteService, 'byId'>,
    private readonly publicUrl: string,
  ) {}

  /** The URL to link, or null (show the page as text). */
  async link(siteId: string, url: string | null | undefined): Promise<string | null> {
    const site = await this.sites.byId(siteId);
    return site ? siteLinkOrNull(site, url, this.publicUrl) : null;
  }

  /** The page with its URL as helpers may see it. */
  async shown<P extends { url: string }>(siteId: string, page: P): Promise<P> {
    const site = await this.sites.byId(siteId);
    return { ...page, url: shownPageUrl(site ?? { allowedOrigins: [] }, page.url, this.publicUrl) };
  }

  async shownAll<P extends { url: string }>(siteId: string, pages: P[]): Promise<P[]> {
    return Promise.all(pages.map((p) => this.shown(siteId, p)));
  }
}

/** Without a site lookup (unit tests of the repository): every page shown as text. */
export const pagesAsText = new PageLinks({ byId: async () => undefined }, 'http://localhost');
