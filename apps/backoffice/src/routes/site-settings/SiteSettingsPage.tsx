import { useEffect, useState } from 'preact/hooks';
import type { Locale, Me } from '@tribu/protocol/client';
import { ApiKeysSection } from '../../components/admin/ApiKeysSection.tsx';
import { AvailabilitySection } from '../../components/admin/AvailabilitySection.tsx';
import { GeneralSection } from '../../components/admin/GeneralSection.tsx';
import { PeopleRoles } from '../../components/admin/PeopleRoles.tsx';
import { SalesSection } from '../../components/admin/SalesSection.tsx';
import { NotificationsSection } from '../../components/admin/NotificationsSection.tsx';
import { DigestSection } from '../../components/admin/DigestSection.tsx';
import { PrivacySection } from '../../components/admin/PrivacySection.tsx';
import { useSiteSettingsForm } from '../../components/admin/useSiteSettingsForm.ts';
import { WidgetPreview } from '../../components/admin/WidgetPreview.tsx';
import { WidgetSection } from '../../components/admin/WidgetSection.tsx';
import { ManageShell } from '../../components/manage/ManageShell.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Site settings, for the site's admins: general, widget (with a live preview), availability, privacy, roles, API keys. */
export function SiteSettingsPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.settings.site.title}>
      {(siteId) => <SiteSettings key={siteId} siteId={siteId} me={me} />}
    </ManageShell>
  );
}

function SiteSettings({ siteId, me }: { siteId: string; me: Me }) {
  const { t, f } = useI18n();
  const w = t.settings.site;
  const form = useSiteSettingsForm(siteId, me.csrfToken);
  const { view, draft, errors, edit } = form;
  const [locale, setLocale] = useState<Locale>('en');
  useEffect(() => {
    if (draft && !draft.locales.includes(locale)) setLocale(draft.defaultLocale);
  }, [draft, locale]);
  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!form.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [form.dirty]);

  if (form.loadError) return <p class="alert">{form.loadError}</p>;
  if (!view || !draft) return <p class="muted">{w.loading}</p>;
  const errorCount = Object.keys(errors).length;
  return (
    <div class="site-settings">
      <div class="settings-head">
        <div>
          <p class="eyebrow">{w.eyebrow}</p>
          <h1>{w.title}</h1>
          <p class="hero-sub">{w.intro(view.site.name)}</p>
        </div>
      </div>
      <form
        class="admin-layout"
        onSubmit={(e) => {
          e.preventDefault();
          void form.save();
        }}
        noValidate
      >
        <div class="admin-main">
          <GeneralSection draft={draft} siteKey={view.site.key} embed={view.embed} errors={errors} edit={edit} />
          <WidgetSection draft={draft} defaults={view.defaultTexts} errors={errors} edit={edit} locale={locale} onLocale={setLocale} />
          <AvailabilitySection draft={draft} errors={errors} edit={edit} />
          <NotificationsSection draft={draft} errors={errors} edit={edit} />
          <PrivacySection draft={draft} defaults={view.defaultTexts} errors={errors} edit={edit} locale={locale} onLocale={setLocale} />
          <SalesSection draft={draft} errors={errors} edit={edit} />
          <DigestSection draft={draft} errors={errors} edit={edit} />
        </div>
        <aside class="admin-side">
          <WidgetPreview draft={draft} defaults={view.defaultTexts} locale={locale} />
          <div class={`save-card ${form.dirty || form.saveError ? 'floating' : ''}`}>
            {form.saveError ? (
              <p class="alert" role="alert">
                {form.saveError}
                {errorCount > 1 ? f.plural(errorCount, w.fieldsToFix) : ''}
              </p>
            ) : form.saved ? (
              <p class="saved" role="status">
                {w.saved}
              </p>
            ) : (
              <p class="muted small">{form.dirty ? w.unsaved : w.allSaved}</p>
            )}
            <div class="save-actions">
              <button type="button" class="ghost" disabled={!form.dirty || form.saving} onClick={form.reset}>
                {w.discard}
              </button>
              <button type="submit" class="primary" disabled={!form.dirty || form.saving}>
                {form.saving ? w.saving : w.save}
              </button>
            </div>
          </div>
        </aside>
      </form>
      <PeopleRoles siteId={siteId} csrf={me.csrfToken} selfId={me.user.id} />
      <ApiKeysSection siteId={siteId} csrf={me.csrfToken} />
    </div>
  );
}
