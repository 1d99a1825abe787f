/** Request headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or Apollo (`HeaderMap`) give them. */
export type HeaderSource =
  { get(name: string): string | null | undefined } | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One header's value; undefined when absent or sent more than once (ambiguous, so not trusted). */
export const headerValue = (headers: HeaderSource, name: string): string | undefined => {
  const lower = name.toLowerCase();
  if (typeof headers.get === 'function') {
    const value = (headers as { get(name: string): string | null | undefined }).get(lower);
    return value ?? undefined;
  }
  const value = (headers as Readonly<Record<string, string | readonly string[] | undefined>>)[lower];
  if (Array.isArray(value)) return value.length === 1 ? (value[0] as string) : undefined;
  return typeof value === 'string' ? value : undefined;
};
