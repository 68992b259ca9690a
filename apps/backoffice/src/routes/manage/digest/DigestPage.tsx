import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DigestList, DigestSummary, Me } from '@tribu/protocol/client';
import { digestApi } from '../../../api/digest.ts';
import { ApiError } from '../../../api/http.ts';
import { DigestEditor } from '../../../components/digest/DigestEditor.tsx';
import { periodLabel, statusLabel } from '../../../components/digest/digest-words.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { useI18n } from '../../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Managers: the helpers' digest — drafts to edit and send, and the archive of those sent. */
export function DigestPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.manage.digest.title}>
      {(siteId) => <Digests key={siteId} siteId={siteId} csrf={me.csrfToken} />}
    </ManageShell>
  );
}

function Digests({ siteId, csrf }: { siteId: string; csrf: string }) {
  const { t, f } = useI18n();
  const w = t.manage.digest;
  const [list, setList] = useState<DigestList | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    digestApi.list(siteId).then(
      (l) => {
        setList(l);
        setSelected((s) => s ?? l.drafts[0]?.id ?? l.archive[0]?.id ?? null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : w.loadFailed),
    );
  }, [siteId]);
  useEffect(refresh, [refresh]);

  const draftNow = async () => {
    setError(null);
    try {
      const d = await digestApi.draftNow(csrf, siteId);
      setSelected(d.id);
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.draftFailed);
    }
  };

  const item = (d: DigestSummary) => (
    <li key={d.id}>
      <button type="button" class="mp-item" aria-current={selected === d.id ? 'true' : undefined} onClick={() => setSelected(d.id)}>
        <strong>{periodLabel(t, f, d.period)}</strong>
        <span class="muted">{d.status === 'draft' ? d.subject : statusLabel(t, f, d)}</span>
      </button>
    </li>
  );
  return (
    <div class="missions-page digest-page">
      <div class="mp-list">
        <div class="mp-head">
          <h2>{w.title}</h2>
          <button type="button" class="ghost small" onClick={() => void draftNow()}>
            {w.draftLast}
          </button>
        </div>
        <p class="muted">
          {w.intro} {list && w.frequency[list.frequency]}
        </p>
        {error && <p class="alert">{error}</p>}
        <h3 class="dl-h">{w.drafts}</h3>
        {list?.drafts.length === 0 && <p class="muted small">{w.noDraft}</p>}
        <ul>{list?.drafts.map(item)}</ul>
        <h3 class="dl-h">{w.archive}</h3>
        {list?.archive.length === 0 && <p class="muted small">{w.nothingSent}</p>}
        <ul aria-label={w.sentDigests}>{list?.archive.map(item)}</ul>
      </div>
      <div class="mp-body">
        {selected && list ? (
          <DigestEditor key={selected} siteId={siteId} csrf={csrf} digestId={selected} mailConfigured={list.mailConfigured} onChanged={refresh} />
        ) : (
          <p class="muted mp-empty">{w.empty}</p>
        )}
      </div>
    </div>
  );
}
