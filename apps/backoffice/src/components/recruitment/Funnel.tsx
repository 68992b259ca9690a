import type { RecruitmentFunnel } from '@tribu/protocol/client';

/** Applied → accepted → joined → active, with the share who became active beside the industry's 1 in 4. */
export function Funnel({ funnel }: { funnel: RecruitmentFunnel }) {
  const steps = [
    { label: 'Applied', n: funnel.applied, hint: 'all applications' },
    { label: 'Accepted', n: funnel.accepted, hint: 'invited to join' },
    { label: 'Joined', n: funnel.joined, hint: 'used their invitation' },
    { label: 'Active', n: funnel.active, hint: 'answered a chat within 30 days of joining' },
  ];
  const rate = funnel.applied > 0 ? funnel.active / funnel.applied : null;
  return (
    <section class="rc-funnel" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Recruitment funnel</h2>
      <ol class="rc-steps">
        {steps.map((s) => (
          <li key={s.label}>
            <span class="rc-step-n">{s.n}</span>
            <span class="rc-step-label">{s.label}</span>
            <span class="rc-step-hint">{s.hint}</span>
          </li>
        ))}
      </ol>
      <p class="rc-rate">
        {rate === null ? (
          'No applications yet.'
        ) : (
          <>
            <strong>
              {funnel.active} of {funnel.applied}
            </strong>{' '}
            applicants became active ({Math.round(rate * 100)}%). Communities usually see about 1 in 4.
          </>
        )}
      </p>
    </section>
  );
}
