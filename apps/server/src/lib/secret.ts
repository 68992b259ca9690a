import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** SECRET from the environment, or one generated once and kept in DATA_DIR (mode 600). */
export function loadSecret(secret: string | undefined, dataDir: string): string {
  if (secret) return secret;
  const file = join(dataDir, 'secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const fresh = randomBytes(32).toString('base64url');
    writeFileSync(file, fresh, { mode: 0o600 });
    return fresh;
  }
}
