import { defineConfig } from 'drizzle-kit';

// Used only to generate SQL migrations from the schema (`npm run db:generate`);
// migrations are applied by Sira itself at start-up (src/server/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './migrations',
});
