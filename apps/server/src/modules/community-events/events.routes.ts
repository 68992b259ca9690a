import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '@tribu/protocol';
import { sendCsv } from '../../lib/csv.ts';
import type { EventsService } from './events.service.ts';

/**
 * `GET /api/events/:eventId/event.ics` — the event for one's calendar (anyone who may see it);
 * `GET /api/events/:eventId/feedback.csv` — a product test's answers, one row per tester (managers).
 */
export function eventRoutes(app: FastifyInstance, deps: { events: EventsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ eventId: IdSchema });
  r.get('/api/events/:eventId/event.ics', { schema: { params }, config: { rateLimit: { max: 60, timeWindow: 60_000 } } }, async (req, reply) => {
    const { filename, body } = await deps.events.ics(req.actor, req.params.eventId);
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(body);
  });
  r.get('/api/events/:eventId/feedback.csv', { schema: { params }, config: { rateLimit: { max: 20, timeWindow: 60_000 } } }, async (req, reply) => {
    const { event, rows } = await deps.events.feedbackRows(req.actor, req.params.eventId);
    return sendCsv(reply, `tribu-feedback-${event.startsAt.toISOString().slice(0, 10)}.csv`, rows);
  });
}
