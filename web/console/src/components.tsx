// Small pieces every page uses: loading state, paging, and the "withheld" marker with its explanation.
import { useEffect, useState, type ReactNode } from 'react';
import { api, type GraphError } from './api';
import { useI18n } from './i18n';

/** Runs `load` whenever `deps` change; the latest answer wins. */
export const useLoad = <T,>(
  load: () => Promise<T>,
  deps: unknown[],
): { value: T | undefined; error: string | undefined; reload(): void } => {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    setState({});
    load().then(
      (value) => current && setState({ value }),
      (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  return { value: state.value, error: state.error, reload: () => setTick((n) => n + 1) };
};

export const Loading = ({ error }: { error?: string }) => {
  const { t } = useI18n();
  return error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : (
    <p aria-busy="true">{t('loading')}</p>
  );
};

/** A list shown `size` at a time, with previous/next buttons. */
export const Paged = <T,>({
  items,
  size = 20,
  render,
  label,
}: {
  items: readonly T[];
  size?: number;
  render: (item: T) => ReactNode;
  label: string;
}) => {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  if (items.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <div>
      <ul aria-label={label}>{items.slice(page * size, page * size + size).map(render)}</ul>
      {pages > 1 && (
        <nav className="pager" aria-label={label}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('previous')}
          </button>
          <span>
            {page + 1} / {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('more')}
          </button>
        </nav>
      )}
    </div>
  );
};

/** Whether the graph withheld the value at this path (FORBIDDEN naming it). */
export const withheldAt = (errors: GraphError[], path: (string | number)[]): boolean =>
  errors.some((error) => error.extensions?.code === 'FORBIDDEN' && JSON.stringify(error.path) === JSON.stringify(path));

interface Explanation {
  field?: { reason: string };
  unit?: { reason: string };
  protected?: { reason: string };
}

/** "withheld" and a Why? button that asks the admin API which preset, unit or rule is missing. */
export const Why = ({ supplier, query, label }: { supplier: string; query: string; label: string }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState<string>();
  const ask = async () => {
    const explanation = await api<Explanation>('GET', `suppliers/${encodeURIComponent(supplier)}/explain?${query}`);
    setReason([explanation.field, explanation.unit, explanation.protected].flatMap((part) => (part ? [part.reason] : [])).join(' '));
  };
  return (
    <span className="why">
      <button type="button" className="link" onClick={() => void ask()} aria-label={`${t('why')} ${label}`}>
        {t('why')}
      </button>
      {reason && (
        <span role="status" className="reason">
          {reason}
        </span>
      )}
    </span>
  );
};

export const Withheld = ({ supplier, field }: { supplier: string | null; field: string }) => {
  const { t } = useI18n();
  return (
    <span className="withheld" data-field={field}>
      <span className="badge">{t('withheld')}</span>
      {supplier && <Why supplier={supplier} query={`field=${encodeURIComponent(field)}`} label={field} />}
    </span>
  );
};
