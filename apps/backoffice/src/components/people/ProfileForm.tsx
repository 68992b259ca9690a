import { useState } from 'preact/hooks';
import type { Me, MyProfile, NotifyPrefs, ProfileUpdate } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { ChipToggles } from './ChipToggles.tsx';
import { COMMON_LANGUAGES, languageName } from './languages.ts';
import { NotifyFields } from './NotifyFields.tsx';
import { DigestFields } from './DigestFields.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  profile: MyProfile;
  me: Me;
  bioMax: number;
  onSaved: (p: MyProfile) => void;
}

/** Name, bio, languages, expertise, notifications and rest reminder, saved together. */
export function ProfileForm({ profile, me, bioMax, onSaved }: Props) {
  const { t, locale } = useI18n();
  const w = t.account.form;
  const [name, setName] = useState(profile.displayName);
  const [bio, setBio] = useState(profile.bio ?? '');
  const [languages, setLanguages] = useState(profile.languages);
  const [expertise, setExpertise] = useState(profile.expertise);
  const [prefs, setPrefs] = useState<NotifyPrefs>(profile.notifyPrefs);
  const [rest, setRest] = useState<number | null>(profile.restReminderHours);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const langOptions = [...new Set([...COMMON_LANGUAGES, ...languages])].map((c) => ({ value: c, label: languageName(c, locale) }));
  const topics = new Map(me.memberships.flatMap((m) => m.topics.map((t) => [t.tag, t.label] as const)));
  const topicOptions = [...topics].map(([value, label]) => ({ value, label }));

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    const body: ProfileUpdate = {
      displayName: name,
      bio: bio.trim() || null,
      languages,
      expertise: expertise.filter((t) => topics.has(t)),
      notifyPrefs: prefs,
      restReminderHours: rest,
    };
    try {
      onSaved(await api.updateProfile(me.csrfToken, body));
      setStatus({ ok: true, text: w.saved });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof ApiError ? err.message : w.failed });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="profile-form" onSubmit={(e) => void save(e)}>
      <section class="panel" aria-labelledby="about-h">
        <h2 id="about-h">{w.about}</h2>
        <label class="field">
          <span>{w.name}</span>
          <input value={name} maxLength={80} required onInput={(e) => setName(e.currentTarget.value)} />
          <small class="muted">{w.nameHint}</small>
        </label>
        <label class="field">
          <span>{w.bio}</span>
          <textarea rows={3} value={bio} maxLength={bioMax} onInput={(e) => setBio(e.currentTarget.value)} placeholder={w.bioPlaceholder} />
          <small class={`counter ${bio.length > bioMax - 20 ? 'near' : ''}`} aria-live="polite">
            {bio.length} / {bioMax}
          </small>
        </label>
      </section>
      <section class="panel" aria-labelledby="lang-h">
        <h2 id="lang-h">{w.languages}</h2>
        <ChipToggles label={w.languagesLabel} options={langOptions} selected={languages} onChange={setLanguages} />
      </section>
      <section class="panel" aria-labelledby="exp-h">
        <h2 id="exp-h">{w.expertise}</h2>
        {topicOptions.length ? (
          <ChipToggles label={w.expertiseLabel} options={topicOptions} selected={expertise} onChange={setExpertise} />
        ) : (
          <p class="muted small">{w.noTopics}</p>
        )}
      </section>
      <NotifyFields prefs={prefs} onPrefs={setPrefs} rest={rest} onRest={setRest} />
      <DigestFields prefs={prefs} onPrefs={setPrefs} />
      <div class="save-bar">
        {status && (
          <p class={status.ok ? 'saved' : 'alert'} role={status.ok ? 'status' : 'alert'}>
            {status.text}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? w.saving : w.save}
        </button>
      </div>
    </form>
  );
}
