import type { Dict } from './i18n/index.ts';
import type { ShownMessage } from './useChat.ts';

/** The conversation as plain text, for the visitor to keep. */
export function transcriptText(t: Dict, site: string, locale: string, messages: ShownMessage[]): string {
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const lines = messages
    .filter((m) => m.state === 'sent')
    .map((m) => `[${when(m.createdAt)}] ${m.author === 'visitor' ? t.you : (m.authorName ?? t.someone)}: ${m.text}`);
  return `${t.community(site)}\n\n${lines.join('\n')}\n`;
}

/** Offers the transcript as a file download, without leaving the page. */
export function downloadTranscript(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `chat-${new Date().toISOString().slice(0, 10)}.txt`;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
