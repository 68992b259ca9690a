import { useEffect, useState } from 'preact/hooks';
import { DIGEST_LIMITS, DIGEST_SECTIONS, type DigestDetail, type DigestSection } from '@tribu/protocol/client';
import { digestApi } from '../../api/digest.ts';
import { ApiError } from '../../api/http.ts';
import { DigestPreview } from './DigestPreview.tsx';
import { periodLabel, statusLabel } from './digest-words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  siteId: string;
  csrf: string;
  digestId: string;
  mailConfigured: boolean;
  /** The list beside it shows the new state (saved, sending, sent). */
  onChanged: () => void;
}

const count = (d: DigestDetail, s: DigestSection): number => {
  const c = d.content;
  if (s === 'note') return 1;
  if (s === 'missions') return c.missions.open.length + c.missions.completed.length;
  return c[s].length;
};

/** One digest: a draft to edit, preview, test and send; or a sent one to read as it went. */
export function DigestEditor({ siteId, csrf, digestId, mailConfigured, onChanged }: Props) {
  const { t, f } = useI18n();
  const w = t.manage.digest;
  const message = (e: unknown) => (e instanceof ApiError ? e.message : w.somethingWrong);
  const [d, setD] = useState<DigestDetail | null>(null);
  const [subject, setSubject] = useState('');
  const [note, setNote] = useState('');
  const [hidden, setHidden] = useState<DigestSection[]>([]);
  const [busy, setBusy] = useState<'save' | 'test' | 'send' | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const load = (next: DigestDetail) => {
    setD(next);
    setSubject(next.subject);
    setNote(next.note);
    setHidden(next.hiddenSections);
  };
  useEffect(() => {
    digestApi.detail(siteId, digestId).then(load, (e: unknown) => setStatus({ ok: false, text: message(e) }));
  }, [siteId, digestId]);
  // While it is being sent, follow it until every mail is out.
  useEffect(() => {
    if (d?.status !== 'sending') return;
    const timer = setTimeout(() => {
      digestApi.detail(siteId, digestId).then(
        (next) => {
          load(next);
          if (next.status !== 'sending') onChanged();
        },
        () => undefined,
      );
    }, 1500);
    return () => clearTimeout(timer);
  }, [d, siteId, digestId, onChanged]);

  if (!d) return status ? <p class="alert">{status.text}</p> : <p class="muted">{w.loading}</p>;
  const draft = d.status === 'draft';
  const dirty = draft && (subject !== d.subject || note !== d.note || hidden.join() !== d.hiddenSections.join());

  const save = async (): Promise<boolean> => {
    if (!dirty) return true;
    setBusy('save');
    try {
      load(await digestApi.update(csrf, siteId, digestId, { subject, note, hiddenSections: hidden }));
      onChanged();
      return true;
    } catch (e) {
      setStatus({ ok: false, text: message(e) });
      return false;
    } finally {
      setBusy(null);
    }
  };
  const act = async (kind: 'test' | 'send') => {
    setStatus(null);
    if (!(await save())) return;
    setBusy(kind);
    try {
      if (kind === 'test') {
        const { sentTo } = await digestApi.test(csrf, siteId, digestId);
        setStatus({ ok: true, text: w.testSent(sentTo) });
      } else {
        await digestApi.send(csrf, siteId, digestId);
        setConfirming(false);
        load(await digestApi.detail(siteId, digestId));
        onChanged();
      }
    } catch (e) {
      setStatus({ ok: false, text: message(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="digest-editor">
      <div class="de-head">
        <div>
          <p class="eyebrow">{periodLabel(t, f, d.period)}</p>
          <h2>{draft ? w.draft : d.subject}</h2>
        </div>
        <span class={`digest-status ${d.status}`}>{statusLabel(t, f, d)}</span>
      </div>
      {draft ? (
        <form
          class="de-form"
          onSubmit={(e) => {
            e.preventDefault();
            setStatus(null);
            void save().then((ok) => ok && setStatus({ ok: true, text: w.saved }));
          }}
        >
          <label class="field">
            <span>{w.subject}</span>
            <input value={subject} maxLength={DIGEST_LIMITS.subject} required onInput={(e) => setSubject(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{w.yourNote}</span>
            <textarea rows={5} value={note} maxLength={DIGEST_LIMITS.note} placeholder={w.notePlaceholder} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <fieldset class="de-sections">
            <legend>{w.sectionsLegend}</legend>
            {DIGEST_SECTIONS.filter((s) => s !== 'note').map((s) => {
              const n = count(d, s);
              return (
                <label key={s} class="check">
                  <input
                    type="checkbox"
                    checked={n > 0 && !hidden.includes(s)}
                    disabled={n === 0}
                    onChange={(e) => setHidden(e.currentTarget.checked ? hidden.filter((h) => h !== s) : [...hidden, s])}
                  />
                  <span>
                    {w.sections[s]} <span class="muted">{n === 0 ? w.nothingThisPeriod : `· ${f.number(n)}`}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          <div class="de-actions">
            <button type="submit" class="ghost" disabled={!dirty || busy !== null}>
              {busy === 'save' ? t.common.saving : w.saveDraft}
            </button>
            <button type="button" class="ghost" disabled={!mailConfigured || busy !== null} onClick={() => void act('test')}>
              {busy === 'test' ? w.sendingTest : w.sendTest}
            </button>
            {!confirming ? (
              <button type="button" class="primary" disabled={!mailConfigured || busy !== null} onClick={() => setConfirming(true)}>
                {w.sendToHelpers}
              </button>
            ) : (
              <span class="de-confirm" role="group" aria-label={w.confirmSending}>
                <span>{f.plural(d.audience, w.sendToMembers)}</span>
                <button type="button" class="primary" disabled={busy !== null} onClick={() => void act('send')}>
                  {busy === 'send' ? w.sendingNow : w.yesSend}
                </button>
                <button type="button" class="link" onClick={() => setConfirming(false)}>
                  {t.common.cancel}
                </button>
              </span>
            )}
          </div>
          {!mailConfigured && <p class="muted small">{w.noMail}</p>}
          <p class="muted small">{w.audience(f.number(d.audience))}</p>
        </form>
      ) : (
        <p class="muted small">
          {d.sentAt ? w.sentAt(f.dateTime(d.sentAt)) : w.beingSent} {w.asItWent}
        </p>
      )}
      {status && (
        <p class={status.ok ? 'saved' : 'alert'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <DigestPreview preview={d.preview} stale={dirty} />
    </div>
  );
}
