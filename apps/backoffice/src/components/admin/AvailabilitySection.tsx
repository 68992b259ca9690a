import { SITE_LIMITS } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** A number input whose empty or partial value stays visible while typed (NaN is the server's to refuse). */
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** When the live chat shows, how much each helper takes on, and what happens when nobody can answer. */
export function AvailabilitySection({ draft, errors, edit }: Props) {
  return (
    <section class="admin-card" aria-labelledby="s-availability">
      <h2 id="s-availability">Availability</h2>
      <div class="field-row">
        <Field id="f-minHelpers" label="Helpers needed online" error={errors.minHelpers} hint="With fewer helpers free, the widget says nobody is online.">
          <input
            {...described('f-minHelpers', errors.minHelpers)}
            type="number"
            min={1}
            max={SITE_LIMITS.minHelpers}
            value={draft.minHelpers}
            onInput={(e) => edit({ minHelpers: num(e.currentTarget.value) })}
          />
        </Field>
        <Field id="f-chatCap" label="Chats per helper at once" error={errors.chatCap} hint="A helper with this many open chats takes no more.">
          <input
            {...described('f-chatCap', errors.chatCap)}
            type="number"
            min={1}
            max={SITE_LIMITS.chatCap}
            value={draft.chatCap}
            onInput={(e) => edit({ chatCap: num(e.currentTarget.value) })}
          />
        </Field>
        <Field
          id="f-releaseAfterSec"
          label="Release after (seconds)"
          error={errors.releaseAfterSec}
          hint="A request taken but not answered in time goes back to the board."
        >
          <input
            {...described('f-releaseAfterSec', errors.releaseAfterSec)}
            type="number"
            min={SITE_LIMITS.releaseAfterSecMin}
            max={SITE_LIMITS.releaseAfterSecMax}
            step={15}
            value={draft.releaseAfterSec}
            onInput={(e) => edit({ releaseAfterSec: num(e.currentTarget.value) })}
          />
        </Field>
      </div>
      <fieldset class="field">
        <legend>When nobody can answer</legend>
        <div class="choices">
          <label class="choice">
            <input type="radio" name="offline" checked={draft.offlineMode === 'ask'} onChange={() => edit({ offlineMode: 'ask' })} />
            <span>
              <strong>Let visitors leave a question</strong>
              <small>A helper answers later; the visitor finds the answer on coming back (or by email if they left one).</small>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="offline" checked={draft.offlineMode === 'hide'} onChange={() => edit({ offlineMode: 'hide' })} />
            <span>
              <strong>Hide the launcher</strong>
              <small>Visitors see nothing until enough helpers are online again.</small>
            </span>
          </label>
        </div>
      </fieldset>
    </section>
  );
}
