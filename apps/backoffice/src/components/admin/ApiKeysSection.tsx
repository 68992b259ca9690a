import { useEffect, useState } from 'preact/hooks';
import type { ApiKeyCreated, ApiKeyScope, ApiKeyView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { salesApi } from '../../api/sales.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CopyField } from './CopyField.tsx';
import { useI18n } from '../../i18n/index.tsx';

const SCOPES: ApiKeyScope[] = ['conversions', 'numbers:read'];

interface Props {
  siteId: string;
  csrf: string;
}

/** The site's API keys for the shop's servers: create (the key is shown once), see the last use, revoke. */
export function ApiKeysSection({ siteId, csrf }: Props) {
  const { t, f } = useI18n();
  const w = t.settings.apiKeys;
  const [keys, setKeys] = useState<ApiKeyView[] | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['conversions']);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    salesApi.apiKeys(siteId).then(
      (r) => setKeys(r.keys),
      (e: unknown) => setError(e instanceof Error ? e.message : w.loadFailed),
    );
  }, [siteId]);

  const create = async (e: Event) => {
    e.preventDefault();
    setBusy('create');
    setError(null);
    setFields({});
    setStatus(null);
    try {
      const res = await salesApi.createApiKey(csrf, siteId, { name: name.trim(), scopes });
      setCreated(res);
      setKeys((list) => [res.apiKey, ...(list ?? [])]);
      setName('');
    } catch (err) {
      if (err instanceof ApiError && err.fields) setFields(err.fields);
      setError(err instanceof Error ? err.message : w.createFailed);
    } finally {
      setBusy(null);
    }
  };

  const revoke = async (k: ApiKeyView) => {
    if (!confirm(w.confirmRevoke(k.name))) return;
    setBusy(k.id);
    setError(null);
    try {
      await salesApi.revokeApiKey(csrf, siteId, k.id);
      setKeys((list) => list?.filter((x) => x.id !== k.id) ?? null);
      if (created?.apiKey.id === k.id) setCreated(null);
      setStatus(w.revoked(k.name));
    } catch (err) {
      setError(err instanceof Error ? err.message : w.revokeFailed);
    } finally {
      setBusy(null);
    }
  };

  const toggle = (s: ApiKeyScope, on: boolean) => setScopes((list) => (on ? [...list, s] : list.filter((x) => x !== s)));
  return (
    <section class="admin-card api-keys" aria-labelledby="s-api-keys">
      <h2 id="s-api-keys">{w.title}</h2>
      <p class="muted small">
        {w.introReport} <code>/api/v1/conversions</code>
        {w.introRead} <code>Authorization: Bearer &lt;key&gt;</code>
        {w.introRoutes}{' '}
        <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
          /api/v1/openapi.json
        </a>{' '}
        {w.introFingerprint}
      </p>
      {created && (
        <div class="invite-sent key-created" role="status">
          <p>
            <strong>{created.apiKey.name}</strong> {w.ready}
          </p>
          <CopyField label={w.newKey} value={created.key} />
          <button type="button" class="ghost" onClick={() => setCreated(null)}>
            {w.copiedIt}
          </button>
        </div>
      )}
      {status && (
        <p class="saved" role="status">
          {status}
        </p>
      )}
      <ErrorAlert message={error} />
      {!keys && !error && <p class="muted">{w.loading}</p>}
      {keys && keys.length === 0 && <p class="muted">{w.none}</p>}
      {keys && keys.length > 0 && (
        <ul class="member-list key-list" aria-label={w.list}>
          {keys.map((k) => (
            <li key={k.id} class="key-row">
              <span class="member-who">
                <strong>{k.name}</strong>
                <span class="muted small">
                  <code>{k.prefix}…</code> · {f.list(k.scopes.map((s) => w.scopes[s]))} · {w.created(f.date(k.createdAt))} ·{' '}
                  {k.lastUsedAt ? w.lastUsed(f.date(k.lastUsedAt)) : w.neverUsed}
                </span>
              </span>
              <button type="button" class="ghost danger" disabled={busy === k.id} aria-label={w.revokeLabel(k.name)} onClick={() => void revoke(k)}>
                {w.revoke}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="invite-form" onSubmit={(e) => void create(e)} aria-labelledby="new-key-title" noValidate>
        <h3 id="new-key-title">{w.newKey}</h3>
        <div class="field-row">
          <label class="field">
            <span class="field-label">{w.name}</span>
            <input
              value={name}
              maxLength={60}
              placeholder={w.namePlaceholder}
              aria-invalid={fields.name ? 'true' : undefined}
              aria-describedby={fields.name ? 'f-key-name-error' : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            {fields.name && (
              <span id="f-key-name-error" class="field-error">
                {fields.name}
              </span>
            )}
          </label>
          <fieldset class="field key-scopes">
            <legend class="field-label">{w.may}</legend>
            {SCOPES.map((s) => (
              <label key={s} class="check">
                <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => toggle(s, e.currentTarget.checked)} />
                <span>
                  {w.scopes[s]}
                  <span class="muted small">{w.scopeHints[s]}</span>
                </span>
              </label>
            ))}
            {fields.scopes && <span class="field-error">{fields.scopes}</span>}
          </fieldset>
        </div>
        <div class="form-foot">
          <button type="submit" class="primary" disabled={busy === 'create'}>
            {busy === 'create' ? w.creating : w.create}
          </button>
        </div>
      </form>
    </section>
  );
}
