// `pnpm --filter @tribu/server operator <email> [--revoke]`: makes an existing account the operator
// of the install (creates sites from /backoffice/operator), or takes that away. Shell only: no
// request can ever set the flag. Same environment as the server (DATABASE_URL or DATA_DIR).
//   operator appoint <site-key> <email>   makes an existing account an active admin of the site
//   operator reset-link <email>           prints a one-use password reset link (1 hour), for when mail is off
import { eq, sql } from 'drizzle-orm';
import { createDb, users, type DbHandle } from '@tribu/db';
import { loadEnv, type Env } from '../env.ts';
import { AppError } from '../lib/errors.ts';
import { issueReset, resetLink } from '../modules/auth/password-reset.service.ts';
import { appointAdmin } from '../modules/operator/appoint-admin.ts';

const USAGE = [
  'Usage: pnpm --filter @tribu/server operator <email> [--revoke]',
  '       pnpm --filter @tribu/server operator appoint <site-key> <email>',
  '       pnpm --filter @tribu/server operator reset-link <email>',
].join('\n');

/** The subcommands beside the operator flag; undefined when argv names none. */
async function subcommand(argv: string[], env: Env, db: DbHandle): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === 'appoint') {
    const [site, email] = rest;
    if (!site || !email?.includes('@')) return (console.error(USAGE), 2);
    try {
      const done = await appointAdmin(db.db, { userId: null, displayName: 'Operator (shell)' }, site, email);
      const before = done.previousRole ? `was ${done.previousRole}` : 'was not a member';
      console.log(`${done.displayName} <${done.email}> is now an admin of ${done.siteName} (${before}). They may need to reload the backoffice.`);
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      console.error(e.code === 'not_found' ? `No site with the key ${site}.` : e.message);
      return 1;
    }
  }
  if (command === 'reset-link') {
    const email = rest[0]?.trim().toLowerCase();
    if (!email?.includes('@')) return (console.error(USAGE), 2);
    const issued = await issueReset(db.db, email);
    if (!issued) return (console.error(`No account with the email ${email}.`), 1);
    console.log(`Password reset link for ${issued.displayName} <${issued.email}> (works once, for 1 hour; hand it over privately):`);
    console.log(resetLink(env.PUBLIC_URL, issued.token));
    return 0;
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'appoint' || argv[0] === 'reset-link') {
    const env = loadEnv();
    const db = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      return (await subcommand(argv, env, db)) ?? 2;
    } finally {
      await db.close();
    }
  }
  const revoke = argv.includes('--revoke');
  const email = argv
    .find((a) => !a.startsWith('--'))
    ?.trim()
    .toLowerCase();
  if (!email || !email.includes('@')) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv();
  const db = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const [row] = await db.db
      .update(users)
      .set({ operator: !revoke })
      .where(eq(sql`lower(${users.email})`, email))
      .returning({ displayName: users.displayName, email: users.email });
    if (!row) {
      console.error(`No account with the email ${email}. The person signs up first (an invitation to any site), then run this again.`);
      return 1;
    }
    const operators = await db.db.select({ email: users.email }).from(users).where(eq(users.operator, true));
    console.log(
      revoke
        ? `${row.displayName} <${row.email}> is no longer an operator.`
        : `${row.displayName} <${row.email}> is now an operator: they create sites at ${env.PUBLIC_URL}/backoffice/operator.`,
    );
    console.log(`Operators: ${operators.map((o) => o.email).join(', ') || 'none'}`);
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('operator:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
