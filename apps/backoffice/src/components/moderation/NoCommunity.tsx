import type { Me } from '@tribu/protocol/client';
import { api } from '../../api/http.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Where someone with no active community lands: why (a suspension, with its reason), and a way out. */
export function NoCommunity({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  const w = t.manage.moderation;
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
            <h1>{w.suspendedTitle}</h1>
            <ul>
              {me.suspended.map((s) => (
                <li key={s.siteName} role="status">
                  {w.membershipOf} <strong>{s.siteName}</strong>
                  {w.isSuspended(s.reason || null)}
                </li>
              ))}
            </ul>
            <p class="muted">{w.reinstateHint}</p>
          </>
        ) : (
          <p>{w.noCommunity}</p>
        )}
        <button type="button" class="ghost" onClick={() => void signOut()}>
          {t.common.signOut}
        </button>
      </div>
    </main>
  );
}
