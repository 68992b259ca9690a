import { useEffect, useState } from 'preact/hooks';
import type { JoinPage as JoinInfo } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { recruitmentApi } from '../../api/recruitment.ts';
import { ApplicationForm } from '../../components/recruitment/ApplicationForm.tsx';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** `/backoffice/join/<siteKey>`: the public "Become a helper" page of a site (no sign-in). */
export function JoinPage({ siteKey }: { siteKey?: string }) {
  const { t } = useI18n();
  const w = t.manage.join;
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [error, setError] = useState<'notFound' | 'loadFailed' | null>(null);
  const [sent, setSent] = useState<{ name: string; email: string } | null>(null);

  useEffect(() => {
    if (!siteKey) return;
    recruitmentApi.joinPage(siteKey).then(setInfo, (e: unknown) => setError(e instanceof ApiError && e.status === 404 ? 'notFound' : 'loadFailed'));
  }, [siteKey]);

  useEffect(() => {
    if (info) document.title = w.documentTitle(info.site.name);
  }, [info, w]);

  if (error) {
    return (
      <BrandFrame>
        <p class="alert" role="alert">
          {w[error]}
        </p>
      </BrandFrame>
    );
  }
  if (!info) return <div class="splash">{t.common.loading}</div>;
  const brand = info.site.name;
  return (
    <BrandFrame color={info.site.color} onColor={info.site.onColor} eyebrow={w.eyebrow(brand)} title={sent ? w.thankYou : w.become}>
      {sent ? (
        <section class="join-thanks" aria-labelledby="thanks-title" role="status">
          <h2 id="thanks-title">{w.onItsWay(sent.name.split(' ')[0] ?? sent.name)}</h2>
          <p>
            {w.teamReads(brand)} <strong>{sent.email}</strong>
            {w.withinDays}
          </p>
          <p class="muted">{w.ifWelcome}</p>
        </section>
      ) : (
        <>
          <p class="join-lead">{w.lead(brand)}</p>
          <ul class="join-points" aria-label={w.whatHelpersDo}>
            {w.points.map((p) => (
              <li key={p.title}>
                <strong>{p.title}</strong> {p.text}
              </li>
            ))}
          </ul>
          <ApplicationForm info={info} onSent={setSent} />
        </>
      )}
    </BrandFrame>
  );
}
