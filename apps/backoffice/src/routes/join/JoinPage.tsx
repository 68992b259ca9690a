import { useEffect, useState } from 'preact/hooks';
import type { JoinPage as JoinInfo } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { recruitmentApi } from '../../api/recruitment.ts';
import { ApplicationForm } from '../../components/recruitment/ApplicationForm.tsx';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';

/** `/backoffice/join/<siteKey>`: the public "Become a helper" page of a site (no sign-in). */
export function JoinPage({ siteKey }: { siteKey?: string }) {
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ name: string; email: string } | null>(null);

  useEffect(() => {
    if (!siteKey) return;
    recruitmentApi
      .joinPage(siteKey)
      .then(setInfo, (e: unknown) =>
        setError(
          e instanceof ApiError && e.status === 404
            ? 'We could not find this community. Check the link you followed.'
            : 'This page could not load. Try again in a moment.',
        ),
      );
  }, [siteKey]);

  useEffect(() => {
    if (info) document.title = `Become a helper · ${info.site.name}`;
  }, [info]);

  if (error) {
    return (
      <BrandFrame>
        <p class="alert" role="alert">
          {error}
        </p>
      </BrandFrame>
    );
  }
  if (!info) return <div class="splash">Loading…</div>;
  const brand = info.site.name;
  return (
    <BrandFrame color={info.site.color} onColor={info.site.onColor} eyebrow={`${brand} community`} title={sent ? 'Thank you!' : 'Become a helper'}>
      {sent ? (
        <section class="join-thanks" aria-labelledby="thanks-title" role="status">
          <h2 id="thanks-title">Your application is on its way, {sent.name.split(' ')[0]}</h2>
          <p>
            The {brand} community team reads every application. They will write to you at <strong>{sent.email}</strong>, usually within a few days.
          </p>
          <p class="muted">If they welcome you, you will get a link to choose your password and meet the other helpers.</p>
        </section>
      ) : (
        <>
          <p class="join-lead">
            Love {brand}? Share what you know with people who hesitate before buying. Helpers are customers like you who answer visitors' questions in a small
            chat on the {brand} site.
          </p>
          <ul class="join-points" aria-label="What helpers do">
            <li>
              <strong>Volunteers, out of passion.</strong> Visitors are told plainly that a member of the community answers them, not staff.
            </li>
            <li>
              <strong>No quotas, no pressure.</strong> Answer when you like, from your computer or your phone, and stop at any time.
            </li>
            <li>
              <strong>A friendly team.</strong> Chat with the other helpers, earn points and badges, and get thanked for your help.
            </li>
          </ul>
          <ApplicationForm info={info} onSent={setSent} />
        </>
      )}
    </BrandFrame>
  );
}
