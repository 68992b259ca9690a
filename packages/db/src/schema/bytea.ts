import { customType } from 'drizzle-orm/pg-core';

/** Raw bytes (images); node-postgres returns a Buffer, PGlite a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
