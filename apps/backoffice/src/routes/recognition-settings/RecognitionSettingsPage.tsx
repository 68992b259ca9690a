import type { Me } from '@tribu/protocol/client';
import { CustomBadgesEditor } from '../../components/recognition/CustomBadgesEditor.tsx';
import { ManageShell } from '../../components/manage/ManageShell.tsx';
import { PointsAdjustForm } from '../../components/recognition/PointsAdjustForm.tsx';
import { RulesPreviewPanel } from '../../components/recognition/RulesPreviewPanel.tsx';
import { ScoredChatsPanel } from '../../components/recognition/ScoredChatsPanel.tsx';
import { ScoringFields } from '../../components/recognition/ScoringFields.tsx';
import { TiersEditor } from '../../components/recognition/TiersEditor.tsx';
import { useRules } from '../../hooks/useRules.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Managers: scoring, tiers and badges with a preview before saving; grants and revocations; the ledger as CSV. In the Manage menu. */
export function RecognitionSettingsPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.recognition.settings.page}>
      {(siteId, socket) => <RecognitionSettings key={siteId} me={me} siteId={siteId} socket={socket} />}
    </ManageShell>
  );
}

function RecognitionSettings({ me, siteId, socket }: { me: Me; siteId: string; socket: HelperSocket | null }) {
  const { t } = useI18n();
  const w = t.recognition.settings;
  const rules = useRules(socket, siteId);
  const { draft, view } = rules;
  return (
    <>
      <div class="settings-head">
        <div>
          <p class="eyebrow">{w.eyebrow}</p>
          <h1>{w.page}</h1>
          <p class="hero-sub">{w.sub}</p>
        </div>
        <a class="ghost link-button" href={`/api/sites/${encodeURIComponent(siteId)}/ledger.csv`} download>
          {w.export}
        </a>
      </div>
      {rules.error && <p class="alert">{rules.error}</p>}
      {!draft && !rules.error && <p class="muted">{w.loading}</p>}
      {draft && view && (
        <div class="settings-grid">
          <div class="settings-main">
            <ScoringFields scoring={draft.scoring} onChange={(scoring) => rules.edit((d) => ({ ...d, scoring }))} />
            <TiersEditor tiers={draft.tiers} onChange={(tiers) => rules.edit((d) => ({ ...d, tiers }))} />
            <CustomBadgesEditor
              builtIn={view.builtInBadges}
              badges={draft.customBadges}
              onChange={(customBadges) => rules.edit((d) => ({ ...d, customBadges }))}
            />
            <ScoredChatsPanel socket={socket} siteId={siteId} />
          </div>
          <aside class="settings-side">
            <RulesPreviewPanel preview={rules.preview} error={rules.previewError} busy={rules.busy} onPreview={() => void rules.runPreview()} />
            <div class="save-card">
              {rules.saved ? <p class="saved">{w.saved}</p> : <p class="muted small">{w.applyFromNow}</p>}
              <button type="button" class="primary" disabled={rules.busy} onClick={() => void rules.save()}>
                {w.save}
              </button>
            </div>
            <PointsAdjustForm socket={socket} siteId={siteId} selfId={me.user.id} />
          </aside>
        </div>
      )}
    </>
  );
}
