import { useEffect, useRef, useState } from 'preact/hooks';
import type { Mentionable } from '@tribu/domain';
import { LIMITS, type ContentTranslations, type Membership } from '@tribu/protocol/client';
import { TranslationsFields } from '../admin/TranslationsFields.tsx';
import type { FeedResult } from '../../hooks/useFeed.ts';
import { ImageIcon } from './icons.tsx';
import { MentionSuggest, suggestions } from './MentionSuggest.tsx';
import { imageProblem, uploadImage, type UploadedImage } from './upload.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  siteId: string;
  csrf: string;
  firstName: string;
  moderator: boolean;
  online: boolean;
  /** People to suggest after `@`. */
  members: readonly Mentionable[];
  me: string;
  onPost: (text: string, imageId?: string, announcement?: boolean, translations?: ContentTranslations<'text'>) => Promise<FeedResult>;
  /** The site's languages: a manager writes an announcement in each. */
  languages?: Membership['languages'];
}

// The counter appears when the limit gets close, not as a constant pressure.
const SHOW_COUNT_FROM = LIMITS.postText - 500;

/** Write a post: text, an optional image with its preview, and for managers an announcement switch. */
export function Composer({ siteId, csrf, firstName, moderator, online, members, me, onPost, languages }: Props) {
  const { t, f } = useI18n();
  const w = t.community.feed;
  const [text, setText] = useState('');
  const [image, setImage] = useState<{ preview: string; uploaded: UploadedImage | null } | null>(null);
  const [announcement, setAnnouncement] = useState(false);
  const [translations, setTranslations] = useState<ContentTranslations<'text'>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const suggest = suggestions(text.slice(0, caret), members, me);
  const mention = (m: Mentionable) => {
    const start = caret - (suggest?.query.length ?? 0);
    const next = `${text.slice(0, start)}${m.displayName} ${text.slice(caret)}`;
    setText(next);
    const at = start + m.displayName.length + 1;
    setCaret(at);
    requestAnimationFrame(() => area.current?.setSelectionRange(at, at));
    area.current?.focus();
  };
  useEffect(() => () => image && URL.revokeObjectURL(image.preview), [image]);

  const length = text.trim().length;
  const over = length > LIMITS.postText;
  const why = !online ? w.postingOffline : over ? w.postTooLong(f.number(LIMITS.postText)) : null;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const problem = imageProblem(file, t);
    if (problem) return setError(problem);
    setError(null);
    const preview = URL.createObjectURL(file);
    setImage({ preview, uploaded: null });
    try {
      const uploaded = await uploadImage(siteId, file, csrf, t);
      setImage((cur) => (cur?.preview === preview ? { preview, uploaded } : cur));
    } catch (e) {
      setImage(null);
      setError(e instanceof Error ? e.message : w.imageUploadFailed);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!length || why || busy || (image && !image.uploaded)) return;
    setBusy(true);
    const r = await onPost(text.trim(), image?.uploaded?.id, moderator && announcement, translations);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setText('');
    setImage(null);
    setAnnouncement(false);
    setTranslations({});
    setError(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <form class={`composer ${announcement ? 'as-announcement' : ''}`} onSubmit={submit} aria-label={w.writePost}>
      <label class="sr-only" for="feed-composer">
        {w.writePost}
      </label>
      <textarea
        id="feed-composer"
        value={text}
        rows={text ? 3 : 2}
        placeholder={w.composerPlaceholder(firstName)}
        ref={area}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setCaret(e.currentTarget.selectionStart);
        }}
        onKeyUp={(e) => setCaret(e.currentTarget.selectionStart)}
        onClick={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => (e.key === 'Enter' && (e.ctrlKey || e.metaKey) ? void submit(e) : undefined)}
      />
      {suggest && <MentionSuggest matches={suggest.matches} onPick={mention} />}
      {image && (
        <div class="composer-image">
          <img src={image.preview} alt={w.imageToPost} />
          {!image.uploaded && <span class="uploading">{w.uploading}</span>}
          <button type="button" class="remove-image" aria-label={w.removeImage} onClick={() => setImage(null)}>
            ×
          </button>
        </div>
      )}
      {moderator && announcement && (
        <TranslationsFields
          id="announce-tr"
          languages={languages}
          fields={[{ key: 'text', label: w.announcement, maxLength: LIMITS.postText, rows: 3 }]}
          value={translations}
          onChange={setTranslations}
          defaults={{ text }}
        />
      )}
      <ErrorAlert message={error} />
      <div class="composer-bar">
        <label class="attach ghost" title={w.addImage}>
          <ImageIcon /> {w.image}
          <input
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            class="sr-only"
            aria-label={w.attachImage}
            onChange={(e) => void pick(e.currentTarget.files?.[0])}
          />
        </label>
        {moderator && (
          <label class="announce-toggle">
            <input type="checkbox" checked={announcement} onChange={(e) => setAnnouncement(e.currentTarget.checked)} />
            {w.announcement}
          </label>
        )}
        <span class="spacer" />
        {length >= SHOW_COUNT_FROM && (
          <span class={`char-count ${over ? 'over' : ''}`} aria-live="polite">
            {f.number(length)} / {f.number(LIMITS.postText)}
          </span>
        )}
        {why && <span class="why">{why}</span>}
        <button type="submit" class="primary small" disabled={!length || !!why || busy || (image !== null && !image.uploaded)}>
          {busy ? w.posting : announcement ? w.announce : w.post}
        </button>
      </div>
    </form>
  );
}
