import { useEffect, useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { api } from '../../api/http.ts';
import { useI18n } from '../../i18n/index.tsx';
import { browserLocale, storedLocale } from '../../i18n/locale.ts';
import { NoCommunity } from '../../components/moderation/NoCommunity.tsx';
import { Desk } from './Desk.tsx';

/** The signed-in home: the desk of the chosen site (the first membership unless switched). */
export function HomePage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [siteId, setSiteId] = useState(me.memberships[0]?.siteId ?? '');
  const chosen = me.user.locale ?? storedLocale() ?? browserLocale();
  useSiteLanguage(chosen ? undefined : me.memberships.find((m) => m.siteId === siteId)?.siteKey);
  if (!siteId) return <NoCommunity me={me} onSignedOut={onSignedOut} />;
  return <Desk key={siteId} me={me} siteId={siteId} onSite={setSiteId} onSignedOut={onSignedOut} />;
}

/**
 * The current site's default language, the desk's last resort when neither the person nor the browser names one
 * Tribu speaks (asked only then: the widget's public, cached state names it).
 */
function useSiteLanguage(siteKey: string | undefined) {
  const { setSiteDefault } = useI18n();
  useEffect(() => {
    if (!siteKey) return;
    let live = true;
    api.siteLocale(siteKey).then(
      (s) => live && setSiteDefault(s.locale),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [siteKey, setSiteDefault]);
}
