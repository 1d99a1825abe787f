// Every non-2xx answer is `{code, message}` (the spec's Error schema); handlers throw these.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'BadRequest', message);
export const notFound = (message: string): HttpError => new HttpError(404, 'NotFound', message);
export const unauthorized = (message: string): HttpError => new HttpError(401, 'Unauthorized', message);
export const forbidden = (message: string): HttpError => new HttpError(403, 'Forbidden', message);
// The spec declares 503 for lookups that ask for too much at once.
export const tooLarge = (message: string): HttpError => new HttpError(503, 'TooLarge', message);
