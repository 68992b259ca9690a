import type { ModuleDeps } from '../module-deps.ts';
import { OfflineAnswerMail } from './offline-answer.service.ts';
import { TranscriptMail } from './transcript.service.ts';
import { VisitorEmails } from './visitor-email.service.ts';

/**
 * The mails to visitors, wired together: the confirmation of an address first, then the answer
 * and the transcript — which go only to a confirmed address, and, when they waited for it, as
 * soon as it is confirmed (the transcript of an ended chat, else the first answer if there is one).
 */
export function visitorMails(deps: ModuleDeps, publicUrl: string, visitorOnline: (visitorId: string) => Promise<boolean>) {
  const emails = new VisitorEmails(deps, publicUrl);
  const transcripts = new TranscriptMail(deps, emails);
  const offlineAnswers = new OfflineAnswerMail(deps, visitorOnline, emails);
  emails.onConfirmed({
    async conversationConfirmed(visitorId, conversationId) {
      const row = await deps.conversationRepo.findRow(conversationId);
      if (!row) return;
      if (row.status === 'closed') await transcripts.send(conversationId);
      else await offlineAnswers.afterConfirmation(visitorId, conversationId);
    },
  });
  return { emails, transcripts, offlineAnswers };
}
