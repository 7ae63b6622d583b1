-- Extensions Sira relies on: trigram and phonetic matching for duplicate detection and
-- directory search, accent-insensitive search, and pgcrypto for digests in SQL.
-- On PGlite the same extensions are loaded by PGlite.create (src/server/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pgcrypto;
--> statement-breakpoint
-- The audit chain starts from a genesis hash of 64 zeros at sequence 0.
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
