import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Me } from '@tribu/protocol/client';

/** A link from the desk names its site (`?site=`): the page opens on that site, not the last one chosen. */
export function useSiteFromLink(me: Me, setSiteId: (id: string) => void): void {
  const { query } = useRoute();
  const linked = query.site;
  useEffect(() => {
    if (linked && me.memberships.some((m) => m.siteId === linked)) setSiteId(linked);
  }, [linked, me, setSiteId]);
}
