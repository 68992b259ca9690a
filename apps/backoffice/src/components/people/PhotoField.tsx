import { useRef, useState } from 'preact/hooks';
import { LIMITS, type MyProfile } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { Avatar } from '../Avatar.tsx';

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const MB = Math.round(LIMITS.imageBytes / 1024 / 1024);

/** Photo upload with an instant preview; type and size checked here, and the server's answer shown. */
export function PhotoField({ profile, csrf, onSaved }: { profile: MyProfile; csrf: string; onSaved: (p: MyProfile) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    if (!TYPES.includes(file.type)) return setError('That file is not an image (JPEG, PNG, WebP or GIF)');
    if (file.size > LIMITS.imageBytes) return setError(`That photo is too large (at most ${MB} MB)`);
    const url = URL.createObjectURL(file);
    setPreview(url);
    setBusy(true);
    try {
      onSaved(await api.uploadPhoto(csrf, file));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The photo could not be saved');
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
      setError(e instanceof ApiError ? e.message : 'The photo could not be removed');
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
          {profile.avatarUrl ? 'Change photo' : 'Upload a photo'}
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
            Remove photo
          </button>
        )}
        <p class="muted small">JPEG, PNG, WebP or GIF, up to {MB} MB. Visitors see it when you answer them.</p>
        {busy && (
          <p class="muted small" role="status">
            Uploading…
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
