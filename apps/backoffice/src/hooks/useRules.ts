import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Rules, RulesPreview, RulesView } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';

const rulesOf = (v: RulesView): Rules => ({ scoring: v.scoring, tiers: v.tiers, customBadges: v.customBadges });

/** The site's recognition rules as a draft: edit, preview against last month, then save. */
export function useRules(socket: HelperSocket | null, siteId: string) {
  const [view, setView] = useState<RulesView | null>(null);
  const [draft, setDraft] = useState<Rules | null>(null);
  const [preview, setPreview] = useState<RulesPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

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
    setPreview(null);
  }, []);

  const runPreview = useCallback(async () => {
    if (!socket || !draft) return;
    setBusy(true);
    const r = await command(socket, 'rules:preview', { siteId, rules: draft });
    setBusy(false);
    if (r.ok) {
      setPreview(r.data);
      setError(null);
    } else setError(r.error.message);
  }, [socket, siteId, draft]);

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

  return { view, draft, edit, preview, runPreview, save, saved, error, busy };
}
