// The change feed's tables, as ordered migrations: applied at start (migrate.ts), each once, never
// edited after release (add a new one instead).
export const MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE change_log (
        seq bigserial PRIMARY KEY,
        producer text NOT NULL,
        type text NOT NULL,
        id text NOT NULL,
        change text NOT NULL CHECK (change IN ('MODIFIED', 'DELETED')),
        at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      -- The last change per object: a row read again with the same meta.modified is not a new change.
      CREATE TABLE change_last (
        type text NOT NULL,
        id text NOT NULL,
        change text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (type, id)
      );
      CREATE TABLE change_watermarks (
        producer text NOT NULL,
        type text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (producer, type)
      );
      CREATE TABLE producer_subscriptions (
        producer text PRIMARY KEY,
        subscription_id text NOT NULL,
        target text NOT NULL,
        expires timestamptz NOT NULL
      );
      CREATE TABLE supplier_seen (
        supplier text NOT NULL,
        type text NOT NULL,
        id text NOT NULL,
        PRIMARY KEY (supplier, type, id)
      );
      CREATE TABLE supplier_cursors (
        supplier text PRIMARY KEY,
        seq bigint NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        id bigserial PRIMARY KEY,
        supplier text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        given_up_at timestamptz,
        last_error text
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;
    `,
  },
];
