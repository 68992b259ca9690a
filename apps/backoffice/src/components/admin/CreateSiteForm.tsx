import { useState } from 'preact/hooks';
import type { OperatorSiteCreated } from '@tribu/protocol/client';
import { adminApi } from '../../api/admin.ts';
import { ApiError } from '../../api/http.ts';
import { CopyField } from './CopyField.tsx';
import { Field, described } from './Field.tsx';
import { originIssue } from './origins.ts';
import { useI18n } from '../../i18n/index.tsx';

/** A key from a name: "Bikes & Co" → "bikes-co". */
const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

interface Props {
  csrf: string;
  onCreated: () => void;
}

/** The operator makes a site for a new merchant and invites its first admin. */
export function CreateSiteForm({ csrf, onCreated }: Props) {
  const { t } = useI18n();
  const w = t.settings.newSite;
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [origins, setOrigins] = useState('');
  const [adminName, setAdminName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<OperatorSiteCreated | null>(null);

  const lines = origins
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const originErrors = lines.map((l) => originIssue(l, t)).filter((p): p is string => p !== null);
  const originError = [
    ...originErrors,
    ...Object.entries(errors)
      .filter(([k]) => k.startsWith('allowedOrigins'))
      .map(([, v]) => v),
  ][0];

  const submit = async (e: Event) => {
    e.preventDefault();
    if (originErrors.length) return;
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const made = await adminApi.createSite(csrf, { name, key, allowedOrigins: lines, adminName, adminEmail });
      setCreated(made);
      setName('');
      setKey('');
      setKeyTouched(false);
      setOrigins('');
      setAdminName('');
      setAdminEmail('');
      onCreated();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setError(err instanceof Error ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-card" aria-labelledby="new-site">
      <h2 id="new-site">{w.title}</h2>
      {created && (
        <div class="created" role="status">
          <p>
            <strong>{created.site.name}</strong> {w.ready}{' '}
            {created.invitation.emailed ? w.emailed(created.invitation.email) : w.sendLink(created.invitation.email)}
          </p>
          {!created.invitation.emailed && <CopyField label={w.link} value={created.invitation.link} />}
          <CopyField label={w.embed} value={created.site.embed} multiline />
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div class="field-row">
          <Field id="n-name" label={w.name} error={errors.name} hint={w.nameHint}>
            <input
              {...described('n-name', errors.name)}
              value={name}
              maxLength={80}
              onInput={(e) => {
                setName(e.currentTarget.value);
                if (!keyTouched) setKey(slug(e.currentTarget.value));
              }}
            />
          </Field>
          <Field id="n-key" label={w.key} error={errors.key} hint={w.keyHint}>
            <input
              {...described('n-key', errors.key)}
              value={key}
              maxLength={40}
              spellcheck={false}
              onInput={(e) => {
                setKeyTouched(true);
                setKey(e.currentTarget.value);
              }}
            />
          </Field>
        </div>
        <Field id="n-origins" label={w.origins} error={originError} hint={w.originsHint}>
          <textarea {...described('n-origins', originError)} rows={3} spellcheck={false} value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} />
        </Field>
        <div class="field-row">
          <Field id="n-adminName" label={w.adminName} error={errors.adminName}>
            <input {...described('n-adminName', errors.adminName)} value={adminName} maxLength={80} onInput={(e) => setAdminName(e.currentTarget.value)} />
          </Field>
          <Field id="n-adminEmail" label={w.adminEmail} error={errors.adminEmail} hint={w.adminEmailHint}>
            <input
              {...described('n-adminEmail', errors.adminEmail)}
              type="email"
              value={adminEmail}
              maxLength={254}
              onInput={(e) => setAdminEmail(e.currentTarget.value)}
            />
          </Field>
        </div>
        {error && !Object.keys(errors).length && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <div class="form-foot">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? w.creating : w.create}
          </button>
        </div>
      </form>
    </section>
  );
}
