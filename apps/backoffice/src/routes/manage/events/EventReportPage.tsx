import { useEffect, useState } from 'preact/hooks';
import type { EventDetail, Me } from '@tribu/protocol/client';
import { checkInDay, seatsWords, whenWords } from '../../../components/events/event-words.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { summarise } from '../../../components/events/feedback-summary.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { command, type HelperSocket } from '../../../realtime/socket.ts';

interface Props {
  me: Me;
  onSignedOut: () => void;
  eventId?: string;
}

/** A product test's report, made to be printed: the test, its testers, each question's answers put together, then every answer. */
export function EventReportPage({ me, onSignedOut, eventId }: Props) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.community.events.reportTitle}>
      {(_siteId, socket) => (eventId ? <Report socket={socket} eventId={eventId} /> : null)}
    </ManageShell>
  );
}

function Report({ socket, eventId }: { socket: HelperSocket | null; eventId: string }) {
  const { t, f } = useI18n();
  const w = t.community.events;
  const [detail, setDetail] = useState<EventDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!socket) return;
    const load = () => void command(socket, 'event:detail', { eventId }).then((r) => (r.ok ? (setDetail(r.data), setError(null)) : setError(r.error.message)));
    load();
    // A command sent before the connection is up may time out: read again once it is.
    socket.on('connect', load);
    return () => void socket.off('connect', load);
  }, [socket, eventId]);
  if (!detail) return <p class="muted">{error ?? t.common.loading}</p>;
  const { event: e, attendees, timeZone } = detail;
  const testers = attendees.filter((a) => a.state === 'going');
  const sent = testers.filter((t) => t.answers !== null);
  return (
    <article class="event-report" aria-labelledby="er-h">
      <div class="er-tools">
        <a href="/backoffice/manage/events" class="link">
          {w.backToEvents}
        </a>
        <button type="button" class="primary small" onClick={() => window.print()}>
          {w.print}
        </button>
      </div>
      <p class="eyebrow">{w.report[e.kind]}</p>
      <h1 id="er-h">{e.title}</h1>
      <p class="muted">
        {whenWords(e, timeZone, f)} ({timeZone}) · {seatsWords(e, t, f)} · {w.feedbackFrom(sent.length, testers.length)}
      </p>
      {e.description && <p>{e.description}</p>}
      {e.guide && (
        <section>
          <h2>{w.guide}</h2>
          <p class="er-pre">{e.guide}</p>
        </section>
      )}
      {e.checkIns.length > 0 && (
        <section>
          <h2>{w.checkIns}</h2>
          <ul>
            {e.checkIns.map((c) => (
              <li key={c.on}>
                {checkInDay(c.on, f)}
                {c.label && ` — ${c.label}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{w.answers}</h2>
        {e.questions.length === 0 && <p class="muted">{w.noForm}</p>}
        {summarise(e.questions, testers).map((s) => (
          <div class="er-q" key={s.question.id}>
            <h3>{s.question.label}</h3>
            {s.kind === 'rating' && (
              <p>
                {s.average === null ? w.noAnswer : w.average(f.number(s.average, 1), f.plural(s.answers, w.answerCount))}
                {s.answers > 0 && <span class="muted"> · {s.counts.map((c, i) => `${i + 1}★ ${c}`).join(' · ')}</span>}
              </p>
            )}
            {s.kind === 'yesno' && <p>{s.answers === 0 ? w.noAnswer : w.yesNoCounts(s.yes, s.no)}</p>}
            {s.kind === 'text' &&
              (s.texts.length === 0 ? (
                <p class="muted">{w.noAnswer}</p>
              ) : (
                <ul class="er-texts">
                  {s.texts.map((t) => (
                    <li key={t.name}>
                      “{t.text}” <span class="muted">— {t.name}</span>
                    </li>
                  ))}
                </ul>
              ))}
          </div>
        ))}
      </section>
      {e.questions.length > 0 && (
        <section>
          <h2>{w.everyTester}</h2>
          <div class="er-scroll">
            <table class="ef-table">
              <thead>
                <tr>
                  <th scope="col">{w.tester}</th>
                  {e.questions.map((q) => (
                    <th scope="col" key={q.id}>
                      {q.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {testers.map((t) => (
                  <tr key={t.userId}>
                    <td>{t.displayName}</td>
                    {e.questions.map((q) => (
                      <td key={q.id}>{t.answers?.[q.id] || '—'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </article>
  );
}
