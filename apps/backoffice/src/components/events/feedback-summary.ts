import type { EventAttendee, FeedbackQuestion } from '@tribu/protocol/client';

export type QuestionSummary =
  | { question: FeedbackQuestion; kind: 'rating'; answers: number; average: number | null; counts: number[] }
  | { question: FeedbackQuestion; kind: 'yesno'; answers: number; yes: number; no: number }
  | { question: FeedbackQuestion; kind: 'text'; answers: number; texts: { name: string; text: string }[] };

/** Each question's answers put together: a rating's average and spread, yes/no counts, the texts with who wrote them. */
export function summarise(questions: readonly FeedbackQuestion[], testers: readonly EventAttendee[]): QuestionSummary[] {
  const sent = testers.filter((t) => t.answers !== null);
  return questions.map((q) => {
    const given = sent.map((t) => ({ name: t.displayName, a: t.answers?.[q.id] ?? '' })).filter((x) => x.a !== '');
    if (q.kind === 'rating') {
      const counts = [1, 2, 3, 4, 5].map((n) => given.filter((x) => x.a === String(n)).length);
      const total = counts.reduce((s, c, i) => s + c * (i + 1), 0);
      return { question: q, kind: 'rating', answers: given.length, average: given.length ? Math.round((total / given.length) * 10) / 10 : null, counts };
    }
    if (q.kind === 'yesno')
      return {
        question: q,
        kind: 'yesno',
        answers: given.length,
        yes: given.filter((x) => x.a === 'yes').length,
        no: given.filter((x) => x.a === 'no').length,
      };
    return { question: q, kind: 'text', answers: given.length, texts: given.map((x) => ({ name: x.name, text: x.a })) };
  });
}
