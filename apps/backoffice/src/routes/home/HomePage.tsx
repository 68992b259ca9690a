import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { Desk } from './Desk.tsx';

/** The signed-in home: the desk of the chosen site (the first membership unless switched). */
export function HomePage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [siteId, setSiteId] = useState(me.memberships[0]?.siteId ?? '');
  if (!siteId) {
    return (
      <main class="splash">
        <p>Your account is not part of any community yet.</p>
      </main>
    );
  }
  return <Desk key={siteId} me={me} siteId={siteId} onSite={setSiteId} onSignedOut={onSignedOut} />;
}
