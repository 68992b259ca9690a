import type { RecruitmentFunnel } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

/** Applied → accepted → joined → active, with the share who became active beside the industry's 1 in 4. */
export function Funnel({ funnel }: { funnel: RecruitmentFunnel }) {
  const { t, f } = useI18n();
  const w = t.manage.recruitment;
  const steps = (['applied', 'accepted', 'joined', 'active'] as const).map((k) => ({ key: k, n: funnel[k], ...w.steps[k] }));
  const rate = funnel.applied > 0 ? funnel.active / funnel.applied : null;
  return (
    <section class="rc-funnel" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{w.funnel}</h2>
      <ol class="rc-steps">
        {steps.map((s) => (
          <li key={s.key}>
            <span class="rc-step-n">{f.number(s.n)}</span>
            <span class="rc-step-label">{s.label}</span>
            <span class="rc-step-hint">{s.hint}</span>
          </li>
        ))}
      </ol>
      <p class="rc-rate">
        {rate === null ? (
          w.noApplications
        ) : (
          <>
            <strong>{w.activeOf(f.number(funnel.active), f.number(funnel.applied))}</strong> {w.becameActive(f.percent(rate))}
          </>
        )}
      </p>
    </section>
  );
}
