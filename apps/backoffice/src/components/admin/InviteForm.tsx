import { useState } from 'preact/hooks';
import type { Role } from '@tribu/protocol/client';
import { adminApi, type InvitationSent } from '../../api/admin.ts';
import { ApiError } from '../../api/http.ts';
import { CopyField } from './CopyField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  siteId: string;
  csrf: string;
  mailConfigured: boolean;
}

/** Admins invite a community manager or another admin by email; the link is there to copy when mail is off. */
export function InviteForm({ siteId, csrf, mailConfigured }: Props) {
  const { t, f } = useI18n();
  const w = t.settings.invite;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('moderator');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<InvitationSent | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      setSent(await adminApi.invite(csrf, siteId, { name: name.trim(), email: email.trim(), role }));
      setName('');
      setEmail('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="invite-form" onSubmit={(e) => void submit(e)} aria-labelledby="invite-title">
      <h3 id="invite-title">{w.title}</h3>
      <div class="field-row">
        <label class="field">
          <span class="field-label">{w.name}</span>
          <input value={name} required maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">{w.email}</span>
          <input type="email" value={email} required maxLength={254} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">{w.role}</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <option value="moderator">{t.settings.roleNames.moderator}</option>
            <option value="admin">{t.settings.roleNames.admin}</option>
          </select>
        </label>
      </div>
      <div class="form-foot">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? w.sending : w.send}
        </button>
        {!mailConfigured && <span class="muted small">{w.noMail}</span>}
      </div>
      <ErrorAlert message={error} />
      {sent && (
        <div class="invite-sent" role="status">
          <p>{sent.emailed ? w.emailed(sent.email, f.date(sent.expiresAt)) : w.ready(sent.email, f.date(sent.expiresAt))}</p>
          {!sent.emailed && <CopyField label={w.link} value={sent.link} />}
        </div>
      )}
    </form>
  );
}
