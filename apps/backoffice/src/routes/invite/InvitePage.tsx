import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { InvitationPreview, Me } from '@tribu/protocol/client';
import { RECRUITMENT_LIMITS } from '@tribu/protocol/client';
import { api, ApiError } from '../../api/http.ts';
import { recruitmentApi } from '../../api/recruitment.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const roleWords = { helper: 'a helper', moderator: 'a community manager', admin: 'an administrator' } as const;

interface Props {
  token?: string;
  me?: Me | null;
  /** Called once the person joined (and is signed in): the app shows the desk. */
  onSignedIn?: (me: Me) => void;
}

/** `/backoffice/invite/<token>`: choose a password (or sign in), accept the charter, join. */
export function InvitePage({ token, me, onSignedIn }: Props) {
  const [invite, setInvite] = useState<InvitationPreview | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [charter, setCharter] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { route } = useLocation();

  useEffect(() => {
    if (!token) return;
    recruitmentApi.preview(token).then(
      (p) => {
        setInvite(p);
        setName(p.name);
      },
      (e: unknown) => setRefusal(e instanceof ApiError ? e.message : 'This invitation could not be checked. Try again in a moment.'),
    );
  }, [token]);

  useEffect(() => {
    if (invite) document.title = `Join ${invite.site.name} · Tribu`;
  }, [invite]);

  if (refusal) {
    return (
      <BrandFrame title="Invitation">
        <p class="alert" role="alert">
          {refusal}
        </p>
        <p>
          <a href="/backoffice/login">Go to the sign-in page</a>
        </p>
      </BrandFrame>
    );
  }
  if (!invite || !token) return <div class="splash">Loading…</div>;

  const signedInAsInvited = me?.user.email.toLowerCase() === invite.email;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The preview does not say whether the email has an account: a new one is made with this
      // password, and when one exists the same password signs in to it, then the link is used.
      const join = () => recruitmentApi.acceptInvitation({ token, acceptCharter: charter, ...(signedInAsInvited ? {} : { password, displayName: name }) });
      const joined = await join().catch(async (err: unknown) => {
        if (signedInAsInvited || !(err instanceof ApiError) || err.status !== 401) throw err;
        await api.login({ email: invite.email, password });
        return recruitmentApi.acceptInvitation({ token, acceptCharter: charter });
      });
      onSignedIn?.(joined);
      route('/backoffice', true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not join; try again in a moment.');
      setBusy(false);
    }
  };

  const brand = invite.site.name;
  return (
    <BrandFrame color={invite.site.color} onColor={invite.site.onColor} eyebrow="Invitation" title={`Welcome to the ${brand} community`}>
      <form class="accept-invite" onSubmit={submit} aria-label="Join the community">
        <p class="join-lead">
          You are invited to join as {roleWords[invite.role]}, with <strong>{invite.email}</strong>.
          {signedInAsInvited
            ? ' You are signed in with it: join to add this community to your account.'
            : ' Choose your name and a password to get started. Already on Tribu with this email? Enter the password of that account instead.'}
        </p>
        {!signedInAsInvited && (
          <>
            <label class="join-field">
              Your name, as peers and visitors will see it
              <input required maxLength={80} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <label class="join-field">
              Password
              <input
                type="password"
                required
                minLength={RECRUITMENT_LIMITS.passwordMin}
                autoComplete="new-password"
                aria-describedby="password-hint"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
              <span id="password-hint" class="muted join-hint">
                At least {RECRUITMENT_LIMITS.passwordMin} characters. A short sentence is easy to remember.
              </span>
            </label>
          </>
        )}
        {invite.charter && (
          <section class="invite-charter" aria-labelledby="charter-title">
            <h2 id="charter-title">The {brand} community charter</h2>
            <div class="invite-charter-text" tabIndex={0} aria-label="Charter text">
              {invite.charter.split(/\n\s*\n/).map((p, i) => (
                <p key={i}>{p.trim()}</p>
              ))}
            </div>
            <label class="join-check">
              <input type="checkbox" required checked={charter} onChange={(e) => setCharter(e.currentTarget.checked)} />I have read the charter and I accept it
            </label>
          </section>
        )}
        <ErrorAlert message={error} />
        <button class="public-primary" type="submit" disabled={busy}>
          {busy ? 'Joining…' : `Join ${brand}`}
        </button>
        <p class="muted join-privacy">
          This link works once and expires on {new Date(invite.expiresAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long' })}.
        </p>
      </form>
    </BrandFrame>
  );
}
