import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DigestList, DigestSummary, Me } from '@tribu/protocol/client';
import { digestApi } from '../../../api/digest.ts';
import { ApiError } from '../../../api/http.ts';
import { DigestEditor } from '../../../components/digest/DigestEditor.tsx';
import { periodLabel, statusLabel } from '../../../components/digest/digest-words.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

const FREQUENCY: Record<DigestList['frequency'], string> = {
  off: 'Automatic drafts are off (Site settings).',
  weekly: 'Tribu drafts one every week.',
  fortnightly: 'Tribu drafts one every two weeks.',
  monthly: 'Tribu drafts one every month.',
};

/** Managers: the helpers' digest — drafts to edit and send, and the archive of those sent. */
export function DigestPage({ me, onSignedOut }: Props) {
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title="Digest">
      {(siteId) => <Digests key={siteId} siteId={siteId} csrf={me.csrfToken} />}
    </ManageShell>
  );
}

function Digests({ siteId, csrf }: { siteId: string; csrf: string }) {
  const [list, setList] = useState<DigestList | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    digestApi.list(siteId).then(
      (l) => {
        setList(l);
        setSelected((s) => s ?? l.drafts[0]?.id ?? l.archive[0]?.id ?? null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the digests'),
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
      setError(e instanceof ApiError ? e.message : 'Could not draft');
    }
  };

  const item = (d: DigestSummary) => (
    <li key={d.id}>
      <button type="button" class="mp-item" aria-current={selected === d.id ? 'true' : undefined} onClick={() => setSelected(d.id)}>
        <strong>{periodLabel(d.period)}</strong>
        <span class="muted">{d.status === 'draft' ? d.subject : statusLabel(d)}</span>
      </button>
    </li>
  );
  return (
    <div class="missions-page digest-page">
      <div class="mp-list">
        <div class="mp-head">
          <h2>Digest</h2>
          <button type="button" class="ghost small" onClick={() => void draftNow()}>
            Draft last period
          </button>
        </div>
        <p class="muted">
          A newsletter for the helpers: your note, newcomers, answers visitors loved, missions, gaps and events. {list && FREQUENCY[list.frequency]}
        </p>
        {error && <p class="alert">{error}</p>}
        <h3 class="dl-h">Drafts</h3>
        {list?.drafts.length === 0 && <p class="muted small">No draft waiting.</p>}
        <ul>{list?.drafts.map(item)}</ul>
        <h3 class="dl-h">Archive</h3>
        {list?.archive.length === 0 && <p class="muted small">Nothing sent yet.</p>}
        <ul aria-label="Sent digests">{list?.archive.map(item)}</ul>
      </div>
      <div class="mp-body">
        {selected && list ? (
          <DigestEditor key={selected} siteId={siteId} csrf={csrf} digestId={selected} mailConfigured={list.mailConfigured} onChanged={refresh} />
        ) : (
          <p class="muted mp-empty">No digest yet. The first draft comes when a period ends, or draft the last period now.</p>
        )}
      </div>
    </div>
  );
}
