import { useState } from 'preact/hooks';
import type { PrivacyVisitorSummary } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { privacyApi } from '../../api/privacy.ts';
import { EraseForm } from './EraseForm.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  siteId: string;
  csrf: string;
  visitor: PrivacyVisitorSummary;
  /** Only a site's admins erase; managers see why the button is missing. */
  canErase: boolean;
  onChanged: (v: PrivacyVisitorSummary) => void;
}

/** What is held about one visitor (counts and dates), its download, and its erasure. */
export function VisitorRecord({ siteId, csrf, visitor: v, canErase, onChanged }: Props) {
  const { t, f } = useI18n();
  const w = t.settings.privacy;
  const day = (iso: string | null) => (iso ? f.date(iso) : '—');
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = w.visitor(v.visitorId.slice(0, 8));
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
      setError(e instanceof ApiError ? e.message : w.downloadFailed);
    }
  };
  return (
    <article class="privacy-card" aria-label={label}>
      <header class="privacy-card-head">
        <div>
          <h2>{label}</h2>
          <p class="muted small">
            {[...v.names, ...v.emails].join(' · ') || w.noNameOrEmail} · {w.firstSeen(day(v.firstSeenAt))}
          </p>
        </div>
        {v.erasedAt && <span class="privacy-erased">{w.erased(day(v.erasedAt))}</span>}
      </header>
      <dl class="privacy-facts">
        <div>
          <dt>{w.chats}</dt>
          <dd>{f.number(v.conversations)}</dd>
        </div>
        <div>
          <dt>{w.messages}</dt>
          <dd>{f.number(v.messages)}</dd>
        </div>
        <div>
          <dt>{w.pages}</dt>
          <dd>{f.number(v.pageViews)}</dd>
        </div>
        <div>
          <dt>{v.firstChatAt !== null && day(v.firstChatAt) === day(v.lastChatAt) ? w.chattedOn : w.chattedBetween}</dt>
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
              return e instanceof ApiError ? e.message : w.failed;
            }
          }}
        />
      ) : (
        <div class="mod-actions">
          <button type="button" class="ghost" onClick={() => void download()}>
            {w.download}
          </button>
          {canErase ? (
            !v.erasedAt && (
              <button type="button" class="ghost danger" onClick={() => setErasing(true)}>
                {w.erase}
              </button>
            )
          ) : (
            <span class="muted small">{w.adminsOnly}</span>
          )}
        </div>
      )}
    </article>
  );
}
