import { buildApp } from './app.ts';
import { loadEnv } from './env.ts';
import { DEMO_NEWCOMER } from './seed/demo-onboarding.ts';
import { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo-seed.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

/** The process: parse the environment, build, seed, listen, and close gracefully on signals. */
async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  const { app, db, drain } = await buildApp({ env });
  let seeded = false;
  if (env.SEED_DEMO) seeded = await seedDemo(db.db);

  await app.listen({ port: env.PORT, host: env.HOST });
  const url = env.PUBLIC_URL;
  const lines = [
    '',
    `  Tribu is running on ${url}  (database: ${db.kind === 'pglite' ? `embedded, in ${env.DATA_DIR}` : 'Postgres'}${env.REDIS_URL ? ', Redis adapter on' : ''})`,
    '',
    `  Demo shop with the widget   ${url}/demo`,
    `  Backoffice                  ${url}/backoffice`,
    `  Health / readiness          ${url}/healthz  ${url}/readyz`,
  ];
  if (env.SEED_DEMO) {
    lines.push('', `  Demo logins (password: ${DEMO_PASSWORD})${seeded ? '' : ' — already in the database'}:`);
    for (const u of DEMO_USERS) lines.push(`    ${u.email.padEnd(22)} ${u.role}${u.email === DEMO_OPERATOR ? ' + operator (creates sites)' : ''}`);
    lines.push(`    ${DEMO_NEWCOMER.email.padEnd(22)} helper, joined days ago (onboarding checklist)`);
  }
  console.log(lines.join('\n') + '\n');

  // SIGTERM (a deploy, a scale-down): leave without losing anyone. Readiness fails at once, clients
  // are sent to reconnect elsewhere, message batches in flight finish, then the app closes. Past
  // 10 s the process exits anyway (code 1) rather than hang a deploy.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    force.unref();
    try {
      await drain.run(SHUTDOWN_DEADLINE_MS - 3_000);
      await app.close();
      process.exit(0);
    } catch (e) {
      app.log.error({ err: e }, 'error while closing');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  console.error('Tribu failed to start:', e);
  process.exit(1);
});
