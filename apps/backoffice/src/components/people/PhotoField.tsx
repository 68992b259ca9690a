import { useRef, useState } from 'preact/hooks';
import { LIMITS, type MyProfile } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { Avatar } from '../Avatar.tsx';
import { useI18n } from '../../i18n/index.tsx';

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const MB = Math.round(LIMITS.imageBytes / 1024 / 1024);

/** Photo upload with an instant preview; type and size checked here, and the server's answer shown. */
export function PhotoField({ profile, csrf, onSaved }: { profile: MyProfile; csrf: string; onSaved: (p: MyProfile) => void }) {
  const { t } = useI18n();
  const w = t.account.photo;
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    if (!TYPES.includes(file.type)) return setError(w.notImage);
    if (file.size > LIMITS.imageBytes) return setError(w.tooLarge(MB));
    const url = URL.createObjectURL(file);
    setPreview(url);
    setBusy(true);
    try {
      onSaved(await api.uploadPhoto(csrf, file));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.saveFailed);
    } finally {
      setBusy(false);
      setPreview(null);
      URL.revokeObjectURL(url);
    }
  };
  const remove = async () => {
    setError(null);
    try {
      onSaved(await api.deletePhoto(csrf));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.removeFailed);
    }
  };

  return (
    <div class="photo-field">
      <div class={`photo-frame ${busy ? 'busy' : ''}`}>
        {preview ? (
          <img class="avatar" src={preview} alt="" width={96} height={96} style={{ width: '96px', height: '96px' }} />
        ) : (
          <Avatar name={profile.displayName} url={profile.avatarUrl} size={96} />
        )}
      </div>
      <div class="photo-actions">
        <label class="ghost file-button">
          {profile.avatarUrl ? w.change : w.upload}
          <input
            ref={input}
            type="file"
            accept={TYPES.join(',')}
            class="sr-only"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void upload(f);
            }}
          />
        </label>
        {profile.avatarUrl && (
          <button type="button" class="link muted" onClick={() => void remove()}>
            {w.remove}
          </button>
        )}
        <p class="muted small">{w.hint(MB)}</p>
        {busy && (
          <p class="muted small" role="status">
            {w.uploading}
          </p>
        )}
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
