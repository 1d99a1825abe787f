// Supplier overview (configuration, keys, use, contract) and the audit log of admin changes.
import { api, apiText } from './api';
import { Loading, useLoad } from './components';
import { useI18n } from './i18n';
import { href } from './router';

export interface SupplierOverview {
  name: string;
  units: 'all' | (string | { schoolUnitCode: string })[];
  scopes: string[];
  protectedIdentities: 'alias' | 'exclude';
  minGroupSize: number | null;
  costBudget: number | null;
  rateLimit: { requests: number; windowSeconds: number } | null;
  trustedDocuments: string | null;
  jwt: { issuer: string; lastUsed: string | null } | null;
  writes: string[];
  /** The URL's origin and whether its secret's variable is set: never the secret, nor the URL's path. */
  webhook: { origin: string; secretSet: boolean } | null;
  keys: { fingerprint: string; lastUsed: string | null }[];
  requests: Record<string, number>;
  errors: number;
}

export const unitLabel = (unit: string | { schoolUnitCode: string }): string =>
  typeof unit === 'string' ? unit : `schoolUnitCode ${unit.schoolUnitCode}`;

const downloadSdl = async (name: string): Promise<void> => {
  const sdl = await apiText(`suppliers/${encodeURIComponent(name)}/sdl`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([sdl], { type: 'text/plain' }));
  link.download = `${name}.graphql`;
  link.click();
  URL.revokeObjectURL(link.href);
};

export const OverviewPage = () => {
  const { t, time } = useI18n();
  const suppliers = useLoad(() => api<{ suppliers: SupplierOverview[] }>('GET', 'suppliers'), []);
  if (!suppliers.value) return <Loading error={suppliers.error} />;
  const total = (requests: Record<string, number>) => Object.values(requests).reduce((sum, n) => sum + n, 0);
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t('suppliers')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('supplier')}</th>
              <th scope="col">{t('units')}</th>
              <th scope="col">{t('presets')}</th>
              <th scope="col">{t('writes')}</th>
              <th scope="col">{t('webhook')}</th>
              <th scope="col">{t('protectedRule')}</th>
              <th scope="col">{t('minGroupSize')}</th>
              <th scope="col">{t('keys')}</th>
              <th scope="col">{t('requests')}</th>
              <th scope="col">{t('errors')}</th>
              <th scope="col">{t('contract')}</th>
            </tr>
          </thead>
          <tbody>
            {suppliers.value.suppliers.map((supplier) => (
              <tr key={supplier.name}>
                <th scope="row">
                  <a href={href(['permissions', supplier.name], null)}>{supplier.name}</a>
                </th>
                <td>{supplier.units === 'all' ? t('allUnits') : supplier.units.map(unitLabel).join(', ')}</td>
                <td>{supplier.scopes.join(', ')}</td>
                <td data-testid="writes">{supplier.writes.length > 0 ? supplier.writes.join(', ') : '–'}</td>
                <td data-testid="webhook">
                  {supplier.webhook ? (
                    <>
                      <code>{supplier.webhook.origin}</code> ·{' '}
                      {supplier.webhook.secretSet ? t('secretSet') : <span className="error">{t('secretMissing')}</span>}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td>{t(supplier.protectedIdentities)}</td>
                <td>{supplier.minGroupSize ?? '–'}</td>
                <td>
                  <ul className="plain">
                    {supplier.keys.map((key) => (
                      <li key={key.fingerprint}>
                        <code>{key.fingerprint}</code> · {t('lastUsed')}: {key.lastUsed ? time(key.lastUsed) : t('never')}
                      </li>
                    ))}
                    {supplier.jwt && <li>JWT {supplier.jwt.issuer}</li>}
                  </ul>
                </td>
                <td>{total(supplier.requests)}</td>
                <td>{supplier.errors}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void downloadSdl(supplier.name)}
                    aria-label={`${t('download')} ${t('contract')} ${supplier.name}`}
                  >
                    {t('download')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};

export interface AuditEntry {
  at: string;
  admin: string;
  action: string;
  supplier?: string;
  key?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** What changed between before and after, key by key. */
export const describeChange = (entry: AuditEntry): string => {
  if (entry.key) return `${entry.action} ${entry.key}`;
  if (!entry.before || !entry.after) return entry.action;
  const keys = new Set([...Object.keys(entry.before), ...Object.keys(entry.after)]);
  return [...keys]
    .filter((key) => JSON.stringify(entry.before?.[key]) !== JSON.stringify(entry.after?.[key]))
    .map((key) => `${key}: ${JSON.stringify(entry.before?.[key] ?? null)} → ${JSON.stringify(entry.after?.[key] ?? null)}`)
    .join('; ');
};

export const AuditTable = ({ entries }: { entries: AuditEntry[] }) => {
  const { t, time } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <div className="table-wrap">
      <table aria-label={t('audit')}>
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('who')}</th>
            <th scope="col">{t('action')}</th>
            <th scope="col">{t('supplier')}</th>
            <th scope="col">{t('change')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.at}-${entry.action}-${entry.supplier ?? ''}`} className="audit-line">
              <td>{time(entry.at)}</td>
              <td>{entry.admin}</td>
              <td>{entry.action}</td>
              <td>{entry.supplier ?? ''}</td>
              <td>
                <code>{describeChange(entry)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

export const AuditPage = () => {
  const { t } = useI18n();
  const audit = useLoad(() => api<{ entries: AuditEntry[] }>('GET', 'audit'), []);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit')}</h2>
      {audit.value ? <AuditTable entries={audit.value.entries} /> : <Loading error={audit.error} />}
    </section>
  );
};
