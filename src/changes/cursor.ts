// The feed's cursor: a position in the log, sealed (HMAC) to the supplier it was issued to, like the
// graph's page tokens (src/sources/scope/scoped-sources.ts). Another supplier's cursor, or a forged
// one, is refused: it would say nothing the supplier could not get, but an unsealed position would
// invite probing the log's size and pace.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class ChangeCursors {
  private readonly key: Buffer;

  constructor(secret: string | undefined) {
    this.key = createHmac('sha256', secret ?? randomBytes(32).toString('hex'))
      .update('ss12000-change-cursor')
      .digest();
  }

  private mac(supplier: string, seq: number): string {
    return createHmac('sha256', this.key)
      .update(JSON.stringify([supplier, seq]))
      .digest('base64url')
      .slice(0, 22);
  }

  seal(supplier: string, seq: number): string {
    return Buffer.from(`${seq}.${this.mac(supplier, seq)}`, 'utf8').toString('base64url');
  }

  /** The position, or undefined when the cursor was not issued to this supplier by this gateway. */
  open(supplier: string, cursor: string): number | undefined {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(text);
    if (!match) return undefined;
    const seq = Number(match[1]);
    const expected = Buffer.from(this.mac(supplier, seq));
    return timingSafeEqual(expected, Buffer.from(match[2]!)) ? seq : undefined;
  }
}
