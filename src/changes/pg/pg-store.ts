// The change feed's state in PostgreSQL (DATABASE_URL): nothing is lost across a restart, and
// replicas share it (cursor moves are compare-and-set, deliveries are leased with SKIP LOCKED).
import { Pool, type PoolClient } from 'pg';
import { objectKey, type ChangeStore } from '../store';
import type { ChangeRecord, Delivery, HeldSubscription, NewChange } from '../types';
import { migrate } from './migrate';

interface LogRow {
  seq: string;
  producer: string;
  type: string;
  id: string;
  change: 'MODIFIED' | 'DELETED';
  at: Date;
}

const toRecord = (row: LogRow): ChangeRecord => ({
  seq: Number(row.seq),
  producer: row.producer as ChangeRecord['producer'],
  type: row.type,
  id: row.id,
  change: row.change,
  at: row.at.toISOString(),
});

export class PgChangeStore implements ChangeStore {
  private constructor(private readonly pool: Pool) {}

  /** Connects and applies the migrations not yet applied. */
  static async open(connectionString: string): Promise<PgChangeStore> {
    const pool = new Pool({ connectionString, max: 4 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgChangeStore(pool);
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  record(changes: readonly NewChange[]): Promise<ChangeRecord[]> {
    if (changes.length === 0) return Promise.resolve([]);
    return this.transaction(async (client) => {
      const added: ChangeRecord[] = [];
      for (const change of changes) {
        // The upsert changes change_last only when this is news; RETURNING then says whether to log it.
        const { rowCount } = await client.query(
          `INSERT INTO change_last (type, id, change, at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (type, id) DO UPDATE SET change = EXCLUDED.change, at = EXCLUDED.at
           WHERE change_last.change <> EXCLUDED.change OR (EXCLUDED.change = 'MODIFIED' AND change_last.at <> EXCLUDED.at)
           RETURNING 1`,
          [change.type, change.id, change.change, change.at],
        );
        if (rowCount === 0) continue;
        const { rows } = await client.query<LogRow>(
          'INSERT INTO change_log (producer, type, id, change, at) VALUES ($1, $2, $3, $4, $5) RETURNING seq, producer, type, id, change, at',
          [change.producer, change.type, change.id, change.change, change.at],
        );
        added.push(toRecord(rows[0]!));
      }
      return added;
    });
  }

  async after(seq: number, limit: number): Promise<ChangeRecord[]> {
    const { rows } = await this.pool.query<LogRow>(
      'SELECT seq, producer, type, id, change, at FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map(toRecord);
  }

  async head(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(seq) AS head FROM change_log');
    return Number(rows[0]?.head ?? 0);
  }

  async watermark(producer: string, type: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ at: Date }>('SELECT at FROM change_watermarks WHERE producer = $1 AND type = $2', [
      producer,
      type,
    ]);
    return rows[0]?.at.toISOString();
  }

  async setWatermark(producer: string, type: string, at: string): Promise<void> {
    // Never backwards: two catch-ups finishing out of order keep the later mark.
    await this.pool.query(
      `INSERT INTO change_watermarks (producer, type, at) VALUES ($1, $2, $3)
       ON CONFLICT (producer, type) DO UPDATE SET at = GREATEST(change_watermarks.at, EXCLUDED.at)`,
      [producer, type, at],
    );
  }

  async subscription(producer: string): Promise<HeldSubscription | undefined> {
    const { rows } = await this.pool.query<{ subscription_id: string; target: string; expires: Date }>(
      'SELECT subscription_id, target, expires FROM producer_subscriptions WHERE producer = $1',
      [producer],
    );
    const row = rows[0];
    return row && { id: row.subscription_id, target: row.target, expires: row.expires.toISOString() };
  }

  async setSubscription(producer: string, subscription: HeldSubscription | undefined): Promise<void> {
    if (!subscription) {
      await this.pool.query('DELETE FROM producer_subscriptions WHERE producer = $1', [producer]);
      return;
    }
    await this.pool.query(
      `INSERT INTO producer_subscriptions (producer, subscription_id, target, expires) VALUES ($1, $2, $3, $4)
       ON CONFLICT (producer) DO UPDATE SET subscription_id = EXCLUDED.subscription_id, target = EXCLUDED.target, expires = EXCLUDED.expires`,
      [producer, subscription.id, subscription.target, subscription.expires],
    );
  }

  async markSeen(supplier: string, objects: readonly { type: string; id: string }[]): Promise<void> {
    if (objects.length === 0) return;
    await this.pool.query(
      `INSERT INTO supplier_seen (supplier, type, id) SELECT $1, t, i FROM unnest($2::text[], $3::text[]) AS o(t, i) ON CONFLICT DO NOTHING`,
      [supplier, objects.map((o) => o.type), objects.map((o) => o.id)],
    );
  }

  async seen(supplier: string, objects: readonly { type: string; id: string }[]): Promise<ReadonlySet<string>> {
    if (objects.length === 0) return new Set();
    const { rows } = await this.pool.query<{ type: string; id: string }>(
      `SELECT s.type, s.id FROM supplier_seen s JOIN unnest($2::text[], $3::text[]) AS o(t, i) ON s.type = o.t AND s.id = o.i WHERE s.supplier = $1`,
      [supplier, objects.map((o) => o.type), objects.map((o) => o.id)],
    );
    return new Set(rows.map(objectKey));
  }

  async supplierCursor(supplier: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ seq: string }>('SELECT seq FROM supplier_cursors WHERE supplier = $1', [supplier]);
    return rows[0] === undefined ? undefined : Number(rows[0].seq);
  }

  advance(supplier: string, from: number | undefined, to: number, body: string | undefined): Promise<boolean> {
    return this.transaction(async (client) => {
      const moved =
        from === undefined
          ? await client.query('INSERT INTO supplier_cursors (supplier, seq) VALUES ($1, $2) ON CONFLICT DO NOTHING', [supplier, to])
          : await client.query('UPDATE supplier_cursors SET seq = $3 WHERE supplier = $1 AND seq = $2', [supplier, from, to]);
      if (moved.rowCount === 0) return false;
      if (body !== undefined) await client.query('INSERT INTO webhook_deliveries (supplier, body) VALUES ($1, $2)', [supplier, body]);
      return true;
    });
  }

  async due(limit: number, leaseMs: number): Promise<Delivery[]> {
    const { rows } = await this.pool.query<{ id: string; supplier: string; body: string; attempts: number }>(
      `UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id IN (
         SELECT id FROM webhook_deliveries
         WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= now()
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, supplier, body, attempts`,
      [limit, leaseMs],
    );
    return rows
      .map((row) => ({ id: Number(row.id), supplier: row.supplier, body: row.body, attempts: row.attempts }))
      .sort((a, b) => a.id - b.id);
  }

  async delivered(id: number): Promise<void> {
    await this.pool.query('UPDATE webhook_deliveries SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1', [id]);
  }

  async failed(id: number, error: string, next: Date | undefined): Promise<void> {
    await this.pool.query(
      next === undefined
        ? 'UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = $2, given_up_at = now() WHERE id = $1'
        : 'UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1',
      next === undefined ? [id, error] : [id, error, next],
    );
  }

  async pending(supplier?: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM webhook_deliveries WHERE delivered_at IS NULL AND given_up_at IS NULL AND ($1::text IS NULL OR supplier = $1)',
      [supplier ?? null],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
