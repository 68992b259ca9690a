import type { Me } from '@tribu/protocol/client';
import { api } from '../../api/http.ts';

/** Where someone with no active community lands: why (a suspension, with its reason), and a way out. */
export function NoCommunity({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const signOut = async () => {
    await api.logout(me.csrfToken).catch(() => undefined);
    onSignedOut();
  };
  return (
    <main class="splash">
      <div class="no-community">
        <span class="brand">
          <span class="dot" aria-hidden="true" /> Tribu
        </span>
        {me.suspended.length > 0 ? (
          <>
            <h1>Your membership is suspended</h1>
            <ul>
              {me.suspended.map((s) => (
                <li key={s.siteName} role="status">
                  Your membership of <strong>{s.siteName}</strong> is suspended{s.reason ? `: ${s.reason}` : '.'}
                </li>
              ))}
            </ul>
            <p class="muted">A community manager can reinstate you. If you think this is a mistake, write to them.</p>
          </>
        ) : (
          <p>Your account is not part of any community yet.</p>
        )}
        <button type="button" class="ghost" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </main>
  );
}
