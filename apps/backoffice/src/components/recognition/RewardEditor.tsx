import { useState } from 'preact/hooks';
import type { ContentTranslations, Membership, Reward, RewardSave } from '@tribu/protocol/client';
import { TranslationsFields } from '../admin/TranslationsFields.tsx';
import { Modal } from '../people/Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  /** null: a new reward. */
  reward: Reward | null;
  onSave: (r: Omit<RewardSave, 'siteId'>) => Promise<string | null>;
  onClose: () => void;
  /** The site's languages: a reward's name and description in each. */
  languages?: Membership['languages'];
}

/** Managers add or edit a reward: name, description, cost, stock (or unlimited), shown to helpers or not. */
export function RewardEditor({ reward, onSave, onClose, languages }: Props) {
  const { t } = useI18n();
  const w = t.recognition.editor;
  // Managers edit the default text (`versions`), not the one shown in their own language.
  const [name, setName] = useState(reward?.versions?.name ?? reward?.name ?? '');
  const [description, setDescription] = useState(reward?.versions?.description ?? reward?.description ?? '');
  const [translations, setTranslations] = useState<ContentTranslations<'name' | 'description'>>(reward?.versions?.translations ?? {});
  const [cost, setCost] = useState(String(reward?.cost ?? 50));
  const [unlimited, setUnlimited] = useState(reward ? reward.stock === null : true);
  const [stock, setStock] = useState(String(reward?.stock ?? 10));
  const [active, setActive] = useState(reward?.active ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const err = await onSave({
      ...(reward ? { id: reward.id } : {}),
      name: name.trim(),
      description: description.trim(),
      cost: Number(cost),
      stock: unlimited ? null : Number(stock),
      active,
      translations,
    });
    setBusy(false);
    if (err) setError(err);
    else onClose();
  };
  return (
    <Modal label={reward ? w.editName(reward.name) : w.newReward} onClose={onClose} class="wide">
      <form onSubmit={(e) => void submit(e)}>
        <h2>{reward ? w.editTitle : w.newReward}</h2>
        <label class="field">
          {w.name}
          <input value={name} maxLength={80} required onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          {w.description}
          <textarea value={description} maxLength={500} rows={3} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <TranslationsFields
          id="reward-tr"
          languages={languages}
          fields={[
            { key: 'name', label: w.name, maxLength: 80 },
            { key: 'description', label: w.description, maxLength: 500, rows: 3 },
          ]}
          value={translations}
          onChange={setTranslations}
          defaults={{ name, description }}
        />
        <div class="field-row">
          <label class="field">
            {w.cost}
            <input type="number" min={1} max={1000000} required value={cost} onInput={(e) => setCost(e.currentTarget.value)} />
          </label>
          <label class="field">
            {w.stock}
            <input type="number" min={0} max={100000} value={stock} disabled={unlimited} onInput={(e) => setStock(e.currentTarget.value)} />
          </label>
        </div>
        <label class="check">
          <input type="checkbox" checked={unlimited} onChange={(e) => setUnlimited(e.currentTarget.checked)} /> {w.unlimited}
        </label>
        <label class="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} /> {w.active}
        </label>
        {error && <p class="alert">{error}</p>}
        <div class="modal-actions">
          <button type="button" class="ghost" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {w.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}
