import { useEffect, useState } from 'preact/hooks';
import { MAX_OBSERVE_CHATS, type ContentTranslations, type Me, type Newcomer, type NewcomersView } from '@tribu/protocol/client';
import { onboardingApi } from '../../../api/onboarding.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { CharterEditor } from './CharterEditor.tsx';
import { NewcomersTable } from './NewcomersTable.tsx';
import { useI18n } from '../../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Managers: where each newcomer stands and who guides them; the charter; how many chats to watch. */
export function NewcomersPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.community.newcomers.title}>
      {(siteId) => <Newcomers key={siteId} me={me} siteId={siteId} />}
    </ManageShell>
  );
}

function Newcomers({ me, siteId }: { me: Me; siteId: string }) {
  const { t, f } = useI18n();
  const w = t.community.newcomers;
  const [view, setView] = useState<NewcomersView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [observe, setObserve] = useState(3);
  useEffect(() => {
    onboardingApi.newcomers(siteId).then(
      (v) => {
        setView(v);
        setObserve(v.observeChats);
      },
      (e: Error) => setError(e.message),
    );
  }, [siteId]);
  const run = async (key: string, work: () => Promise<string>) => {
    setBusy(key);
    setError(null);
    try {
      setSaid(await work());
    } catch (e) {
      setError(e instanceof Error ? e.message : w.couldNotSave);
    } finally {
      setBusy(null);
    }
  };
  const assign = (n: Newcomer, mentorId: string | null) =>
    run(n.id, async () => {
      const v = await onboardingApi.assignMentor(me.csrfToken, siteId, n.id, mentorId);
      setView(v);
      const mentor = v.newcomers.find((x) => x.id === n.id)?.mentor;
      return mentor ? w.mentorSet(mentor.displayName, n.displayName) : w.noMentorNow(n.displayName);
    });
  const saveCharter = (text: string, translations: ContentTranslations<'text'>) =>
    run('charter', async () => {
      const c = await onboardingApi.saveCharter(me.csrfToken, siteId, text, translations);
      // The manager's copy: the default text and every version, not the one in their own language.
      const charter = { text: c.versions?.text ?? c.text, translations: c.versions?.translations ?? {}, updatedAt: c.updatedAt };
      setView((v) => (v ? { ...v, charter } : v));
      return text ? w.charterSaved : w.charterRemoved;
    });
  const saveObserve = (e: Event) => {
    e.preventDefault();
    void run('observe', async () => {
      const v = await onboardingApi.saveSettings(me.csrfToken, siteId, observe);
      setView(v);
      return observe ? f.plural(observe, w.observeSet) : w.observeOff;
    });
  };
  return (
    <>
      <header class="nc-head">
        <h1>{w.title}</h1>
        <p class="muted">{w.intro}</p>
      </header>
      <p class={`nc-said ${said ? '' : 'empty'}`} role="status">
        {said}
      </p>
      {error && <p class="alert">{error}</p>}
      <section class="nc-panel" aria-labelledby="nc-list-h">
        <h2 id="nc-list-h">{w.title}</h2>
        {!view && !error && <p class="muted">{t.common.loading}</p>}
        {view && <NewcomersTable view={view} busy={busy} onMentor={(n, id) => void assign(n, id)} />}
      </section>
      {view && (
        <section class="nc-panel" aria-labelledby="nc-charter-h">
          <h2 id="nc-charter-h">{w.charterHeading}</h2>
          <CharterEditor
            text={view.charter.text}
            updatedAt={view.charter.updatedAt}
            translations={view.charter.translations}
            languages={me.memberships.find((m) => m.siteId === siteId)?.languages}
            onSave={saveCharter}
          />
        </section>
      )}
      {view && (
        <section class="nc-panel" aria-labelledby="nc-observe-h">
          <h2 id="nc-observe-h">{w.watchingHeading}</h2>
          <form class="nc-observe" onSubmit={saveObserve}>
            <label for="observe-n">{w.observeLabel}</label>
            <input
              id="observe-n"
              type="number"
              min={0}
              max={MAX_OBSERVE_CHATS}
              value={observe}
              onInput={(e) => setObserve(Math.max(0, Math.min(MAX_OBSERVE_CHATS, Number(e.currentTarget.value) || 0)))}
            />
            <button type="submit" class="ghost" disabled={busy === 'observe' || observe === view.observeChats}>
              {t.common.save}
            </button>
            <p class="muted nc-hint">{w.observeHint}</p>
          </form>
        </section>
      )}
    </>
  );
}
