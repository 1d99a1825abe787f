// Query strings the way SS 12000 names them: dotted names kept, arrays repeat the key
// (`expand=groups&expand=teachers`), undefined left out.
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export function toSearch(query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(name, item);
    else params.append(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
