import { useState } from 'preact/hooks';
import { readIdentity } from '../shared.ts';
import { useI18n } from './i18n/index.ts';
import { downloadJson, eraseData, exportData } from './privacy-api.ts';

interface Props {
  base: string;
  siteKey: string;
  siteName: string;
  onBack: () => void;
  /** The data is gone (or the identity already was): the chat starts fresh. */
  onErased: () => void;
}

/** "Your data": what the site keeps, a download of it, and its deletion after a clear confirmation. */
export function PrivacyPanel({ base, siteKey, siteName, onBack, onErased }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = readIdentity(siteKey);

  const download = async () => {
    if (!id) return;
    setBusy(true);
    setError(null);
    const r = await exportData(base, siteKey, id);
    setBusy(false);
    if (r.ok) downloadJson(r.data, `${siteKey}-chat-data`);
    else setError(r.gone ? t.dataNone : t.dataFailed);
  };
  const erase = async () => {
    if (!id) return;
    setBusy(true);
    setError(null);
    const r = await eraseData(base, siteKey, id);
    setBusy(false);
    // An identity the server no longer accepts holds nothing any more either: start fresh all the same.
    if (r.ok || r.gone) onErased();
    else setError(t.dataFailed);
  };

  return (
    <div class="history privacy">
      <button type="button" class="link back" onClick={onBack}>
        ← {t.back}
      </button>
      <h3>{t.dataTitle}</h3>
      <p class="data-text">{t.dataIntro(siteName)}</p>
      {!id ? (
        <p class="data-text">{t.dataNone}</p>
      ) : confirming ? (
        <div class="data-confirm" role="alertdialog" aria-labelledby="tribu-erase-q">
          <p id="tribu-erase-q">
            <strong>{t.deleteQuestion}</strong>
          </p>
          <p>{t.deleteWarning}</p>
          <div class="data-actions">
            <button type="button" class="danger" disabled={busy} onClick={() => void erase()}>
              {busy ? t.deleting : t.deleteYes}
            </button>
            <button type="button" class="link" disabled={busy} onClick={() => setConfirming(false)}>
              {t.deleteNo}
            </button>
          </div>
        </div>
      ) : (
        <div class="data-actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void download()}>
            {t.downloadData}
          </button>
          <button type="button" class="ghost-danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t.deleteData}
          </button>
        </div>
      )}
      {error && (
        <p class="data-text err" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
