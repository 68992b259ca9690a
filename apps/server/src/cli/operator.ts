// `pnpm --filter @tribu/server operator <email> [--revoke]`: makes an existing account the operator
// of the install (creates sites from /backoffice/operator), or takes that away. Shell only: no
// request can ever set the flag. Same environment as the server (DATABASE_URL or DATA_DIR).
import { eq, sql } from 'drizzle-orm';
import { createDb, users } from '@tribu/db';
import { loadEnv } from '../env.ts';

async function main(argv: string[]): Promise<number> {
  const revoke = argv.includes('--revoke');
  const email = argv.find((a) => !a.startsWith('--'))?.trim().toLowerCase();
  if (!email || !email.includes('@')) {
    console.error('Usage: pnpm --filter @tribu/server operator <email> [--revoke]');
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
