import { useState } from 'preact/hooks';
import { originProblem, type OperatorSiteCreated } from '@tribu/protocol/client';
import { adminApi } from '../../api/admin.ts';
import { ApiError } from '../../api/http.ts';
import { CopyField } from './CopyField.tsx';
import { Field, described } from './Field.tsx';

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
  const originErrors = lines.map(originProblem).filter((p): p is string => p !== null);
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
      setError(err instanceof Error ? err.message : 'Could not create the site');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-card" aria-labelledby="new-site">
      <h2 id="new-site">New site</h2>
      {created && (
        <div class="created" role="status">
          <p>
            <strong>{created.site.name}</strong> is ready.{' '}
            {created.invitation.emailed
              ? `The invitation went to ${created.invitation.email}.`
              : `Send ${created.invitation.email} this invitation link (mail is not set up):`}
          </p>
          {!created.invitation.emailed && <CopyField label="Invitation link" value={created.invitation.link} />}
          <CopyField label="Embed tag" value={created.site.embed} multiline />
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div class="field-row">
          <Field id="n-name" label="Site name" error={errors.name} hint="The merchant's brand, as visitors know it.">
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
          <Field id="n-key" label="Site key" error={errors.key} hint="In the embed tag; lowercase letters, digits and dashes. It cannot change later.">
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
        <Field
          id="n-origins"
          label="Allowed origins"
          error={originError}
          hint="One address per line, like https://shop.example. The admin can change them later."
        >
          <textarea {...described('n-origins', originError)} rows={3} spellcheck={false} value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} />
        </Field>
        <div class="field-row">
          <Field id="n-adminName" label="First admin's name" error={errors.adminName}>
            <input {...described('n-adminName', errors.adminName)} value={adminName} maxLength={80} onInput={(e) => setAdminName(e.currentTarget.value)} />
          </Field>
          <Field id="n-adminEmail" label="First admin's email" error={errors.adminEmail} hint="They get a one-time link to join as the site's admin.">
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
            {busy ? 'Creating…' : 'Create site and invite admin'}
          </button>
        </div>
      </form>
    </section>
  );
}
