import { useEffect, useState } from 'preact/hooks';
import type { ApiKeyCreated, ApiKeyScope, ApiKeyView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { salesApi } from '../../api/sales.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CopyField } from './CopyField.tsx';

const SCOPES: { scope: ApiKeyScope; label: string; hint: string }[] = [
  { scope: 'conversions', label: 'Report purchases', hint: 'POST and DELETE /api/v1/conversions' },
  { scope: 'numbers:read', label: 'Read numbers', hint: 'GET /api/v1/numbers and /api/v1/conversations (read only)' },
];
const SCOPE_NAMES: Record<ApiKeyScope, string> = { conversions: 'Report purchases', 'numbers:read': 'Read numbers' };

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

interface Props {
  siteId: string;
  csrf: string;
}

/** The site's API keys for the shop's servers: create (the key is shown once), see the last use, revoke. */
export function ApiKeysSection({ siteId, csrf }: Props) {
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
      (e: unknown) => setError(e instanceof Error ? e.message : 'Could not load the API keys'),
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
      setError(err instanceof Error ? err.message : 'Could not create the key');
    } finally {
      setBusy(null);
    }
  };

  const revoke = async (k: ApiKeyView) => {
    if (!confirm(`Revoke "${k.name}"? Servers using it are refused at once.`)) return;
    setBusy(k.id);
    setError(null);
    try {
      await salesApi.revokeApiKey(csrf, siteId, k.id);
      setKeys((list) => list?.filter((x) => x.id !== k.id) ?? null);
      if (created?.apiKey.id === k.id) setCreated(null);
      setStatus(`"${k.name}" is revoked.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not revoke the key');
    } finally {
      setBusy(null);
    }
  };

  const toggle = (s: ApiKeyScope, on: boolean) => setScopes((list) => (on ? [...list, s] : list.filter((x) => x !== s)));
  return (
    <section class="admin-card api-keys" aria-labelledby="s-api-keys">
      <h2 id="s-api-keys">API keys</h2>
      <p class="muted small">
        For your shop's servers: report purchases to <code>/api/v1/conversions</code>, read the numbers and chats, with{' '}
        <code>Authorization: Bearer &lt;key&gt;</code>. Every route is described in{' '}
        <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
          /api/v1/openapi.json
        </a>{' '}
        (OpenAPI 3.1). Tribu keeps only a fingerprint of each key: copy it when it is shown, it is never shown again.
      </p>
      {created && (
        <div class="invite-sent key-created" role="status">
          <p>
            <strong>{created.apiKey.name}</strong> is ready. Copy the key now: it will not be shown again.
          </p>
          <CopyField label="New API key" value={created.key} />
          <button type="button" class="ghost" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      )}
      {status && (
        <p class="saved" role="status">
          {status}
        </p>
      )}
      <ErrorAlert message={error} />
      {!keys && !error && <p class="muted">Loading the keys…</p>}
      {keys && keys.length === 0 && <p class="muted">No API keys yet.</p>}
      {keys && keys.length > 0 && (
        <ul class="member-list key-list" aria-label="API keys">
          {keys.map((k) => (
            <li key={k.id} class="key-row">
              <span class="member-who">
                <strong>{k.name}</strong>
                <span class="muted small">
                  <code>{k.prefix}…</code> · {k.scopes.map((s) => SCOPE_NAMES[s]).join(', ')} · created {day(k.createdAt)} ·{' '}
                  {k.lastUsedAt ? `last used ${day(k.lastUsedAt)}` : 'never used'}
                </span>
              </span>
              <button type="button" class="ghost danger" disabled={busy === k.id} aria-label={`Revoke ${k.name}`} onClick={() => void revoke(k)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="invite-form" onSubmit={(e) => void create(e)} aria-labelledby="new-key-title" noValidate>
        <h3 id="new-key-title">New API key</h3>
        <div class="field-row">
          <label class="field">
            <span class="field-label">Key name</span>
            <input
              value={name}
              maxLength={60}
              placeholder="Shop server"
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
            <legend class="field-label">What it may do</legend>
            {SCOPES.map((s) => (
              <label key={s.scope} class="check">
                <input type="checkbox" checked={scopes.includes(s.scope)} onChange={(e) => toggle(s.scope, e.currentTarget.checked)} />
                <span>
                  {s.label}
                  <span class="muted small">{s.hint}</span>
                </span>
              </label>
            ))}
            {fields.scopes && <span class="field-error">{fields.scopes}</span>}
          </fieldset>
        </div>
        <div class="form-foot">
          <button type="submit" class="primary" disabled={busy === 'create'}>
            {busy === 'create' ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </section>
  );
}
