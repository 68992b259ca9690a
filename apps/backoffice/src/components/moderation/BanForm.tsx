import { useEffect, useState } from 'preact/hooks';
import { privacyApi } from '../../api/privacy.ts';
import type { BanDuration } from '@tribu/protocol/client';
import { DURATIONS } from './words.ts';
import { FormFooter } from './FormFooter.tsx';

interface Props {
  siteId: string;
  onBan: (p: { duration: BanDuration; reason: string; blockAddress: boolean }) => Promise<string | null>;
  onCancel: () => void;
  initialReason: string;
}

/** How long, why, and whether to refuse the network address too; the reason is required. */
export function BanForm({ siteId, onBan, onCancel, initialReason }: Props) {
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
    if (!reason.trim()) return setError('Give a reason: it is kept in the audit log.');
    setBusy(true);
    setError(await onBan({ duration, reason: reason.trim(), blockAddress: addresses && blockAddress }));
    setBusy(false);
  };
  return (
    <form class="mod-form" onSubmit={submit} aria-label="Ban this visitor">
      <fieldset class="mod-durations">
        <legend>Ban for</legend>
        {DURATIONS.map((d) => (
          <label key={d.value} class={duration === d.value ? 'on' : ''}>
            <input type="radio" name="duration" value={d.value} checked={duration === d.value} onChange={() => setDuration(d.value)} />
            {d.label}
          </label>
        ))}
      </fieldset>
      <label class="mod-field">
        Reason
        <input value={reason} maxLength={300} required onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <label class="mod-check">
        <input type="checkbox" checked={addresses && blockAddress} disabled={!addresses} onChange={(e) => setBlockAddress(e.currentTarget.checked)} />
        <span>
          Also block this network address
          <small class="muted">
            {addresses
              ? 'Anyone else on the same network (an office, a school) is kept out too.'
              : 'Not available: this site keeps no network addresses (Site settings → Privacy), so bans hold by visitor only.'}
          </small>
        </span>
      </label>
      <FormFooter error={error} onCancel={onCancel} danger busy={busy}>
        Ban visitor
      </FormFooter>
    </form>
  );
}
