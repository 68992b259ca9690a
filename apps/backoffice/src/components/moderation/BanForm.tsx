import { useEffect, useState } from 'preact/hooks';
import { privacyApi } from '../../api/privacy.ts';
import type { BanDuration } from '@tribu/protocol/client';
import { FormFooter } from './FormFooter.tsx';
import { useI18n } from '../../i18n/index.tsx';

const DURATIONS: BanDuration[] = ['1d', '7d', '30d', 'forever'];

interface Props {
  siteId: string;
  onBan: (p: { duration: BanDuration; reason: string; blockAddress: boolean }) => Promise<string | null>;
  onCancel: () => void;
  initialReason: string;
}

/** How long, why, and whether to refuse the network address too; the reason is required. */
export function BanForm({ siteId, onBan, onCancel, initialReason }: Props) {
  const { t } = useI18n();
  const w = t.manage.moderation;
  const [duration, setDuration] = useState<BanDuration>('7d');
  const [reason, setReason] = useState(initialReason);
  const [blockAddress, setBlockAddress] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A site that keeps no network addresses cannot ban one: the option is shown off, with the reason.
  const [addresses, setAddresses] = useState(true);
  useEffect(() => {
    privacyApi.options(siteId).then(
      (o) => setAddresses(o.storeAddresses),
      () => undefined,
    );
  }, [siteId]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError(w.banReasonRequired);
    setBusy(true);
    setError(await onBan({ duration, reason: reason.trim(), blockAddress: addresses && blockAddress }));
    setBusy(false);
  };
  return (
    <form class="mod-form" onSubmit={submit} aria-label={w.banForm}>
      <fieldset class="mod-durations">
        <legend>{w.banFor}</legend>
        {DURATIONS.map((d) => (
          <label key={d} class={duration === d ? 'on' : ''}>
            <input type="radio" name="duration" value={d} checked={duration === d} onChange={() => setDuration(d)} />
            {w.durations[d]}
          </label>
        ))}
      </fieldset>
      <label class="mod-field">
        {w.reason}
        <input value={reason} maxLength={300} required onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <label class="mod-check">
        <input type="checkbox" checked={addresses && blockAddress} disabled={!addresses} onChange={(e) => setBlockAddress(e.currentTarget.checked)} />
        <span>
          {w.blockAddress}
          <small class="muted">{addresses ? w.blockAddressHelp : w.blockAddressOff}</small>
        </span>
      </label>
      <FormFooter error={error} onCancel={onCancel} danger busy={busy}>
        {w.banVisitor}
      </FormFooter>
    </form>
  );
}
