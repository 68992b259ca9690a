import type { Me } from '@tribu/protocol/client';
import { NumbersDashboard } from '../../../components/kpi/NumbersDashboard.tsx';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** Manage › Numbers: the KPI dashboard of the chosen site (managers and admins). */
export function NumbersPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.manage.numbers.title}>
      {(siteId) => <NumbersDashboard key={siteId} siteId={siteId} csrf={me.csrfToken} />}
    </ManageShell>
  );
}
