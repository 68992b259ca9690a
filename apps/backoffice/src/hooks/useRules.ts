import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Rules, RulesPreview, RulesView } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';

const rulesOf = (v: RulesView): Rules => ({ scoring: v.scoring, tiers: v.tiers, customBadges: v.customBadges });

const PREVIEW_AFTER_MS = 700;

/** The site's recognition rules as a draft: edit, see the preview against last month update live, then save. */
export function useRules(socket: HelperSocket | null, siteId: string) {
  const [view, setView] = useState<RulesView | null>(null);
  const [draft, setDraft] = useState<Rules | null>(null);
  const [preview, setPreview] = useState<RulesPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [edits, setEdits] = useState(0);
  // Only the answer to the latest preview request is shown, whatever order answers come back in.
  const latest = useRef(0);

  useEffect(() => {
    if (!socket) return;
    void command(socket, 'rules:get', { siteId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setView(r.data);
      setDraft(rulesOf(r.data));
      setError(null);
    });
  }, [socket, siteId]);

  const edit = useCallback((change: (d: Rules) => Rules) => {
    setDraft((d) => (d ? change(d) : d));
    setSaved(false);
    setEdits((n) => n + 1);
  }, []);

  const runPreview = useCallback(async () => {
    if (!socket || !draft) return;
    const mine = ++latest.current;
    setBusy(true);
    const r = await command(socket, 'rules:preview', { siteId, rules: draft });
    if (mine !== latest.current) return;
    setBusy(false);
    if (r.ok) setPreview(r.data);
    setPreviewError(r.ok ? null : r.error.message);
  }, [socket, siteId, draft]);

  // Live preview: a moment after the last change, last month is scored again with the draft.
  useEffect(() => {
    if (edits === 0) return;
    const t = setTimeout(() => void runPreview(), PREVIEW_AFTER_MS);
    return () => clearTimeout(t);
  }, [edits, runPreview]);

  const save = useCallback(async () => {
    if (!socket || !draft) return;
    setBusy(true);
    const r = await command(socket, 'rules:save', { siteId, rules: draft });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setView(r.data);
    setDraft(rulesOf(r.data));
    setSaved(true);
    setError(null);
  }, [socket, siteId, draft]);

  return { view, draft, edit, preview, previewError, runPreview, save, saved, error, busy };
}
