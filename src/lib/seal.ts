// An HMAC seal on a token that goes out to a caller and comes back: `<mac>.<token>`, the MAC over what
// the token was issued for and the token itself. A seal under one deployment's key opens in every process
// holding that key (replicas), and only for the same context: moved to other arguments, or forged, it does not.
import { createHmac, timingSafeEqual } from 'node:crypto';

// 128 bits of HMAC-SHA256, base64url.
const MAC_CHARS = 22;

/** A key for one purpose, from a deployment secret: the same secret gives every process the same key. */
export const sealKey = (secret: string, purpose: string): Buffer => createHmac('sha256', secret).update(purpose).digest();

export class Seal {
  constructor(private readonly key: Buffer) {}

  private mac(context: string, token: string): string {
    return createHmac('sha256', this.key)
      .update(JSON.stringify([context, token]))
      .digest('base64url')
      .slice(0, MAC_CHARS);
  }

  seal(context: string, token: string): string {
    return `${this.mac(context, token)}.${token}`;
  }

  /** The token, if `sealed` was sealed for `context` under this key; undefined otherwise (compared in constant time). */
  open(context: string, sealed: string): string | undefined {
    const dot = sealed.indexOf('.');
    if (dot !== MAC_CHARS) return undefined;
    const token = sealed.slice(dot + 1);
    return timingSafeEqual(Buffer.from(this.mac(context, token)), Buffer.from(sealed.slice(0, dot))) ? token : undefined;
  }
}
