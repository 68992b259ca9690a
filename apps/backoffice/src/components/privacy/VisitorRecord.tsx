import { useState } from 'preact/hooks';
import type { PrivacyVisitorSummary } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { privacyApi } from '../../api/privacy.ts';
import { EraseForm } from './EraseForm.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

interface Props {
  siteId: string;
  csrf: string;
  visitor: PrivacyVisitorSummary;
  /** Only a site's admins erase; managers see why the button is missing. */
  canErase: boolean;
  onChanged: (v: PrivacyVisitorSummary) => void;
}

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '—');

/** What is held about one visitor (counts and dates), its download, and its erasure. */
export function VisitorRecord({ siteId, csrf, visitor: v, canErase, onChanged }: Props) {
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = `Visitor ${v.visitorId.slice(0, 8)}`;
  const download = async () => {
    setError(null);
    try {
      const data = await privacyApi.exportData(csrf, siteId, v.visitorId);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `tribu-visitor-${v.visitorId.slice(0, 8)}-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The download did not work; please retry.');
    }
  };
  return (
    <article class="privacy-card" aria-label={label}>
      <header class="privacy-card-head">
        <div>
          <h2>{label}</h2>
          <p class="muted small">
            {[...v.names, ...v.emails].join(' · ') || 'No name or email given'} · first seen {day(v.firstSeenAt)}
          </p>
        </div>
        {v.erasedAt && <span class="privacy-erased">Erased {day(v.erasedAt)}</span>}
      </header>
      <dl class="privacy-facts">
        <div>
          <dt>Chats</dt>
          <dd>{v.conversations}</dd>
        </div>
        <div>
          <dt>Messages</dt>
          <dd>{v.messages}</dd>
        </div>
        <div>
          <dt>Pages viewed</dt>
          <dd>{v.pageViews}</dd>
        </div>
        <div>
          <dt>{v.firstChatAt !== null && day(v.firstChatAt) === day(v.lastChatAt) ? 'Chatted on' : 'Chatted between'}</dt>
          <dd>{!v.firstChatAt ? '—' : day(v.firstChatAt) === day(v.lastChatAt) ? day(v.firstChatAt) : `${day(v.firstChatAt)} – ${day(v.lastChatAt)}`}</dd>
        </div>
      </dl>
      <ErrorAlert message={error} />
      {erasing ? (
        <EraseForm
          conversations={v.conversations}
          onCancel={() => setErasing(false)}
          onErase={async (reason) => {
            try {
              const r = await privacyApi.erase(csrf, siteId, v.visitorId, reason);
              setErasing(false);
              onChanged(r.visitor);
              return null;
            } catch (e) {
              return e instanceof ApiError ? e.message : 'That did not work; please retry.';
            }
          }}
        />
      ) : (
        <div class="mod-actions">
          <button type="button" class="ghost" onClick={() => void download()}>
            Download data (JSON)
          </button>
          {canErase ? (
            !v.erasedAt && (
              <button type="button" class="ghost danger" onClick={() => setErasing(true)}>
                Erase data…
              </button>
            )
          ) : (
            <span class="muted small">Only the site's admins can erase a visitor's data.</span>
          )}
        </div>
      )}
    </article>
  );
}
