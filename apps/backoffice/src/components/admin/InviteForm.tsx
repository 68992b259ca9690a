import { useState } from 'preact/hooks';
import type { Role } from '@tribu/protocol/client';
import { adminApi, type InvitationSent } from '../../api/admin.ts';
import { ApiError } from '../../api/http.ts';
import { CopyField } from './CopyField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

interface Props {
  siteId: string;
  csrf: string;
  mailConfigured: boolean;
}

/** Admins invite a community manager or another admin by email; the link is there to copy when mail is off. */
export function InviteForm({ siteId, csrf, mailConfigured }: Props) {
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
      setError(err instanceof ApiError ? err.message : 'Could not send the invitation');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="invite-form" onSubmit={(e) => void submit(e)} aria-labelledby="invite-title">
      <h3 id="invite-title">Invite a manager or an admin</h3>
      <div class="field-row">
        <label class="field">
          <span class="field-label">Name</span>
          <input value={name} required maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">Email</span>
          <input type="email" value={email} required maxLength={254} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">Role</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <option value="moderator">Community manager</option>
            <option value="admin">Admin</option>
          </select>
        </label>
      </div>
      <div class="form-foot">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Send invitation'}
        </button>
        {!mailConfigured && <span class="muted small">Mail is not set up on this install: you will get a link to pass on yourself.</span>}
      </div>
      <ErrorAlert message={error} />
      {sent && (
        <div class="invite-sent" role="status">
          <p>
            {sent.emailed
              ? `Invitation emailed to ${sent.email}. The link works once, until ${new Date(sent.expiresAt).toLocaleDateString()}.`
              : `Invitation ready for ${sent.email}. Send them this link (it works once, until ${new Date(sent.expiresAt).toLocaleDateString()}):`}
          </p>
          {!sent.emailed && <CopyField label="Invitation link" value={sent.link} />}
        </div>
      )}
    </form>
  );
}
