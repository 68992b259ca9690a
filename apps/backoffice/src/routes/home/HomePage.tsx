import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { NoCommunity } from '../../components/moderation/NoCommunity.tsx';
import { Desk } from './Desk.tsx';

/** The signed-in home: the desk of the chosen site (the first membership unless switched). */
export function HomePage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [siteId, setSiteId] = useState(me.memberships[0]?.siteId ?? '');
  if (!siteId) return <NoCommunity me={me} onSignedOut={onSignedOut} />;
  return <Desk key={siteId} me={me} siteId={siteId} onSite={setSiteId} onSignedOut={onSignedOut} />;
}
