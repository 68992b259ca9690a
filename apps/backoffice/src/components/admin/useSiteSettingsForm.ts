import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { SiteSettingsView } from '@tribu/protocol/client';
import { adminApi } from '../../api/admin.ts';
import { ApiError } from '../../api/http.ts';
import { useI18n, type Messages } from '../../i18n/index.tsx';
import { originIssue } from './origins.ts';

export type Draft = SiteSettingsView['settings'] & { originsText: string };

const toDraft = (v: SiteSettingsView): Draft => ({ ...v.settings, originsText: v.settings.allowedOrigins.join('\n') });
const originLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Problems found while typing, before any request: the same words the server would answer. */
function localErrors(d: Draft, t: Messages): Record<string, string> {
  const w = t.settings.site;
  const out: Record<string, string> = {};
  originLines(d.originsText).forEach((line, i) => {
    const problem = originIssue(line, t);
    if (problem) out[`allowedOrigins.${i}`] = problem;
  });
  if (!/^#[0-9a-f]{6}$/i.test(d.color)) out.color = w.colorFormat;
  if (!d.name.trim()) out.name = w.nameRequired;
  // An emptied number box would travel as null (JSON has no NaN): say so here instead.
  for (const k of [
    'minHelpers',
    'chatCap',
    'releaseAfterSec',
    'retentionDays',
    'attributionDays',
    'launcherOffset',
    'pushAfterSec',
    'waitingEmailHours',
  ] as const) {
    const v = d[k];
    if (v !== null && !Number.isInteger(v)) out[k] = w.wholeNumber;
  }
  if (!d.locales.includes(d.defaultLocale)) out.defaultLocale = w.defaultNotOffered;
  return out;
}

/** The site settings form: load, edit a draft, check as typed, save with the server's per-field answer. */
export function useSiteSettingsForm(siteId: string, csrf: string) {
  const { t } = useI18n();
  const [view, setView] = useState<SiteSettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setView(null);
    setDraft(null);
    setLoadError(null);
    adminApi.settings(siteId).then(
      (v) => {
        setView(v);
        setDraft(toDraft(v));
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : t.settings.site.loadFailed),
    );
  }, [siteId]);

  const edit = useCallback((patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setSaved(false);
    setSaveError(null);
    // A field edited again loses the server's old complaint about it.
    setServerErrors((errs) => {
      const keys = Object.keys(patch).map((k) => (k === 'originsText' ? 'allowedOrigins' : k));
      return Object.fromEntries(Object.entries(errs).filter(([path]) => !keys.some((k) => path === k || path.startsWith(`${k}.`))));
    });
  }, []);

  const local = useMemo(() => (draft ? localErrors(draft, t) : {}), [draft, t]);
  const errors = { ...serverErrors, ...local };
  const dirty = !!draft && !!view && JSON.stringify(toDraft(view)) !== JSON.stringify(draft);

  const save = async () => {
    if (!draft) return;
    if (Object.keys(local).length) {
      setSaveError(t.settings.site.fixFirst);
      return;
    }
    setSaving(true);
    setSaveError(null);
    const { originsText, ...settings } = draft;
    try {
      const v = await adminApi.saveSettings(csrf, siteId, { ...settings, allowedOrigins: originLines(originsText) });
      setView(v);
      setDraft(toDraft(v));
      setServerErrors({});
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError && e.fields) setServerErrors(e.fields);
      setSaveError(e instanceof Error ? e.message : t.settings.site.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  const reset = () => {
    if (view) setDraft(toDraft(view));
    setServerErrors({});
    setSaveError(null);
  };

  return { view, draft, edit, errors, loadError, saveError, saving, saved, dirty, save, reset };
}
