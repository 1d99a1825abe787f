// Data permissions: a supplier's units (picked from the organisation tree), presets, protected-identity
// rule and limits, with a preview of the contract they produce; saving writes the suppliers file
// (validated by the gateway; refused with its message otherwise). Keys issued (shown once) and revoked.
import { useEffect, useState } from 'react';
import { api, ApiError } from './api';
import { Loading, useLoad } from './components';
import { useI18n } from './i18n';
import { href } from './router';
import { AuditTable, unitLabel, type AuditEntry, type SupplierOverview } from './suppliers';

type UnitRef = string | { schoolUnitCode: string };
interface Permissions {
  units: 'all' | UnitRef[];
  scopes: string[];
  writes?: string[];
  protectedIdentities: 'alias' | 'exclude';
  minGroupSize?: number;
  costBudget?: number;
  rateLimit?: { requests: number; windowSeconds: number };
}
interface TreeNode {
  id: string;
  displayName: string | null;
  schoolUnitCode: string | null;
  children: TreeNode[];
}

const flatten = (nodes: TreeNode[], depth = 0): { node: TreeNode; depth: number }[] =>
  nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);

const covers = (units: UnitRef[], node: TreeNode): boolean =>
  units.some((unit) => (typeof unit === 'string' ? unit === node.id : unit.schoolUnitCode === node.schoolUnitCode));

const UnitPicker = ({ value, onChange }: { value: Permissions['units']; onChange(units: Permissions['units']): void }) => {
  const { t } = useI18n();
  const tree = useLoad(() => api<{ roots: TreeNode[] }>('GET', 'organisations'), []);
  const listed = value === 'all' ? [] : value;
  const toggle = (node: TreeNode, on: boolean) => {
    const rest = listed.filter((unit) => !(typeof unit === 'string' ? unit === node.id : unit.schoolUnitCode === node.schoolUnitCode));
    onChange(on ? [...rest, node.id] : rest);
  };
  return (
    <fieldset>
      <legend>{t('units')}</legend>
      <label>
        <input type="checkbox" checked={value === 'all'} onChange={(event) => onChange(event.target.checked ? 'all' : [])} />{' '}
        {t('allUnits')}
      </label>
      {value !== 'all' &&
        (tree.value ? (
          <ul className="plain unit-picker">
            {flatten(tree.value.roots).map(({ node, depth }) => (
              <li key={node.id} style={{ paddingLeft: `${depth * 1.25}rem` }}>
                <label>
                  <input type="checkbox" checked={covers(listed, node)} onChange={(event) => toggle(node, event.target.checked)} />{' '}
                  {node.displayName}
                  {node.schoolUnitCode ? <span className="muted"> · {node.schoolUnitCode}</span> : null}
                </label>
              </li>
            ))}
            {listed
              .filter((unit) => !flatten(tree.value!.roots).some(({ node }) => covers([unit], node)))
              .map((unit) => (
                <li key={unitLabel(unit)} className="muted">
                  {unitLabel(unit)}
                </li>
              ))}
          </ul>
        ) : (
          <Loading error={tree.error} />
        ))}
    </fieldset>
  );
};

const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

export const PermissionsPage = ({ name }: { name: string | undefined }) => {
  const { t, time } = useI18n();
  const suppliers = useLoad(() => api<{ suppliers: SupplierOverview[] }>('GET', 'suppliers'), []);
  const presets = useLoad(
    () => api<{ presets: { name: string }[]; writeGrants: { name: string; mutations: string[] }[] }>('GET', 'presets'),
    [],
  );
  const current = useLoad(
    () =>
      name
        ? api<SupplierOverview & { permissions: Permissions }>('GET', `suppliers/${encodeURIComponent(name)}`)
        : Promise.resolve(undefined),
    [name],
  );
  const audit = useLoad(() => api<{ entries: AuditEntry[] }>('GET', 'audit'), [name, current.value]);
  const [draft, setDraft] = useState<Permissions>();
  const [preview, setPreview] = useState<{ added: string[]; removed: string[] }>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [newKey, setNewKey] = useState<string>();
  useEffect(() => {
    setDraft(current.value?.permissions);
    setPreview(undefined);
  }, [current.value]);

  const run = async (work: () => Promise<void>) => {
    setMessage(undefined);
    try {
      await work();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) });
    }
  };
  const path = `suppliers/${encodeURIComponent(name ?? '')}`;
  const update = (change: Partial<Permissions>) => {
    setDraft((before) => before && { ...before, ...change });
    setPreview(undefined);
  };

  return (
    <section aria-labelledby="permissions-title">
      <h2 id="permissions-title">{t('permissions')}</h2>
      <nav aria-label={t('suppliers')} className="tabs">
        {(suppliers.value?.suppliers ?? []).map((supplier) => (
          <a
            key={supplier.name}
            href={href(['permissions', supplier.name], null)}
            aria-current={supplier.name === name ? 'page' : undefined}
          >
            {supplier.name}
          </a>
        ))}
      </nav>
      {name && !draft && <Loading error={current.error} />}
      {name && draft && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await api('PUT', path, draft);
              setMessage({ kind: 'ok', text: t('saved') });
              current.reload();
            });
          }}
        >
          <UnitPicker value={draft.units} onChange={(units) => update({ units })} />
          <fieldset>
            <legend>{t('presets')}</legend>
            <div className="presets">
              {(presets.value?.presets ?? []).map((preset) => (
                <label key={preset.name}>
                  <input
                    type="checkbox"
                    name="preset"
                    value={preset.name}
                    checked={draft.scopes.includes(preset.name)}
                    onChange={(event) =>
                      update({
                        scopes: event.target.checked
                          ? [...draft.scopes, preset.name]
                          : draft.scopes.filter((scope) => scope !== preset.name),
                      })
                    }
                  />{' '}
                  {preset.name}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('writes')}</legend>
            <div className="presets">
              {(presets.value?.writeGrants ?? []).map((grant) => {
                const writes = draft.writes ?? [];
                return (
                  <label key={grant.name} title={grant.mutations.join(', ')}>
                    <input
                      type="checkbox"
                      name="write"
                      value={grant.name}
                      checked={writes.includes(grant.name)}
                      onChange={(event) => {
                        const next = event.target.checked ? [...writes, grant.name] : writes.filter((write) => write !== grant.name);
                        // None left: the key leaves the file (no writes is the default).
                        update({ writes: next.length > 0 ? next : undefined });
                      }}
                    />{' '}
                    {grant.name}
                  </label>
                );
              })}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('protectedRule')}</legend>
            {(['alias', 'exclude'] as const).map((rule) => (
              <label key={rule}>
                <input
                  type="radio"
                  name="protectedIdentities"
                  value={rule}
                  checked={draft.protectedIdentities === rule}
                  onChange={() => update({ protectedIdentities: rule })}
                />{' '}
                {t(rule)}
              </label>
            ))}
          </fieldset>
          <fieldset className="limits">
            <legend>
              {t('minGroupSize')} / {t('costBudget')} / {t('rateLimit')}
            </legend>
            <label>
              {t('minGroupSize')}{' '}
              <input
                type="number"
                min={1}
                value={draft.minGroupSize ?? ''}
                onChange={(event) => update({ minGroupSize: numberOrUndefined(event.target.value) })}
              />
            </label>
            <label>
              {t('costBudget')}{' '}
              <input
                type="number"
                min={1}
                value={draft.costBudget ?? ''}
                onChange={(event) => update({ costBudget: numberOrUndefined(event.target.value) })}
              />
            </label>
            <label>
              {t('rateLimit')}{' '}
              <input
                type="number"
                min={1}
                value={draft.rateLimit?.requests ?? ''}
                onChange={(event) => {
                  const requests = numberOrUndefined(event.target.value);
                  update({
                    rateLimit: requests === undefined ? undefined : { requests, windowSeconds: draft.rateLimit?.windowSeconds ?? 60 },
                  });
                }}
              />
            </label>
            <label>
              {t('requestsPerWindow')}{' '}
              <input
                type="number"
                min={1}
                disabled={!draft.rateLimit}
                value={draft.rateLimit?.windowSeconds ?? 60}
                onChange={(event) =>
                  draft.rateLimit && update({ rateLimit: { ...draft.rateLimit, windowSeconds: Number(event.target.value) } })
                }
              />{' '}
              {t('seconds')}
            </label>
          </fieldset>
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  setPreview(await api<{ added: string[]; removed: string[] }>('POST', `${path}/preview`, draft));
                })
              }
            >
              {t('preview')}
            </button>
            <button type="submit" className="primary">
              {t('save')}
            </button>
          </div>
          {message && (
            <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
              {message.text}
            </p>
          )}
          {preview && (
            <section className="card" aria-label={t('contract')} data-testid="contract-preview">
              <h3>{t('contract')}</h3>
              {preview.added.length + preview.removed.length === 0 && <p>{t('noChange')}</p>}
              {preview.added.length > 0 && (
                <p>
                  {t('added')}:{' '}
                  {preview.added.map((field) => (
                    <code key={field} className="added">
                      +{field}{' '}
                    </code>
                  ))}
                </p>
              )}
              {preview.removed.length > 0 && (
                <p>
                  {t('removed')}:{' '}
                  {preview.removed.map((field) => (
                    <code key={field} className="removed">
                      −{field}{' '}
                    </code>
                  ))}
                </p>
              )}
            </section>
          )}
        </form>
      )}
      {name && current.value && (
        <section className="card" aria-labelledby="keys-title">
          <h3 id="keys-title">{t('keys')}</h3>
          <ul className="plain">
            {current.value.keys.map((key) => (
              <li key={key.fingerprint}>
                <code>{key.fingerprint}</code> · {t('lastUsed')}: {key.lastUsed ? time(key.lastUsed) : t('never')}{' '}
                <button
                  type="button"
                  onClick={() => void run(async () => (await api('DELETE', `${path}/keys/${key.fingerprint}`), current.reload()))}
                  aria-label={`${t('revoke')} ${key.fingerprint}`}
                >
                  {t('revoke')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => void run(async () => (setNewKey((await api<{ key: string }>('POST', `${path}/keys`)).key), current.reload()))}
          >
            {t('issueKey')}
          </button>
          {newKey && (
            <p role="status">
              {t('keyShownOnce')} <code className="secret">{newKey}</code>
            </p>
          )}
        </section>
      )}
      {name && (
        <section className="card" aria-labelledby="supplier-audit-title">
          <h3 id="supplier-audit-title">{t('audit')}</h3>
          {audit.value ? (
            <AuditTable entries={audit.value.entries.filter((entry) => entry.supplier === name)} />
          ) : (
            <Loading error={audit.error} />
          )}
        </section>
      )}
    </section>
  );
};
