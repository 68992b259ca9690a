import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { InvitationPreview, Me } from '@tribu/protocol/client';
import { RECRUITMENT_LIMITS } from '@tribu/protocol/client';
import { api, ApiError } from '../../api/http.ts';
import { recruitmentApi } from '../../api/recruitment.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

interface Props {
  token?: string;
  me?: Me | null;
  /** Called once the person joined (and is signed in): the app shows the desk. */
  onSignedIn?: (me: Me) => void;
}

/** `/backoffice/invite/<token>`: choose a password (or sign in), accept the charter, join. */
export function InvitePage({ token, me, onSignedIn }: Props) {
  const { t, f } = useI18n();
  const w = t.account.invite;
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
      (e: unknown) => setRefusal(e instanceof ApiError ? e.message : w.checkFailed),
    );
  }, [token]);

  useEffect(() => {
    if (invite) document.title = w.docTitle(invite.site.name);
  }, [invite, w]);

  if (refusal) {
    return (
      <BrandFrame title={w.eyebrow}>
        <p class="alert" role="alert">
          {refusal}
        </p>
        <p>
          <a href="/backoffice/login">{w.goToSignIn}</a>
        </p>
        <LocaleSwitch />
      </BrandFrame>
    );
  }
  if (!invite || !token) return <div class="splash">{t.common.loading}</div>;

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
      setError(err instanceof ApiError ? err.message : w.failed);
      setBusy(false);
    }
  };

  const brand = invite.site.name;
  return (
    <BrandFrame color={invite.site.color} onColor={invite.site.onColor} eyebrow={w.eyebrow} title={w.title(brand)}>
      <form class="accept-invite" onSubmit={submit} aria-label={w.formLabel}>
        <p class="join-lead">
          {w.invitedAs(w.role[invite.role], invite.email)} {signedInAsInvited ? w.signedIn : w.newAccount}
        </p>
        {!signedInAsInvited && (
          <>
            <label class="join-field">
              {w.name}
              <input required maxLength={80} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <label class="join-field">
              {t.account.password}
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
                {w.passwordHint(RECRUITMENT_LIMITS.passwordMin)}
              </span>
            </label>
          </>
        )}
        {invite.charter && (
          <section class="invite-charter" aria-labelledby="charter-title">
            <h2 id="charter-title">{w.charterTitle(brand)}</h2>
            <div class="invite-charter-text" tabIndex={0} aria-label={w.charterText}>
              {invite.charter.split(/\n\s*\n/).map((p, i) => (
                <p key={i}>{p.trim()}</p>
              ))}
            </div>
            <label class="join-check">
              <input type="checkbox" required checked={charter} onChange={(e) => setCharter(e.currentTarget.checked)} />
              {w.accept}
            </label>
          </section>
        )}
        <ErrorAlert message={error} />
        <button class="public-primary" type="submit" disabled={busy}>
          {busy ? w.joining : w.join(brand)}
        </button>
        <p class="muted join-privacy">{w.expires(f.dayMonth(invite.expiresAt))}</p>
        <LocaleSwitch />
      </form>
    </BrandFrame>
  );
}
