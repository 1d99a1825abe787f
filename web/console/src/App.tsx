// The console's frame: sign-in, navigation, the "view as" choice of the Data Explorer, and the pages.
import { useEffect, useState, type FormEvent } from 'react';
import { api, session, signIn, signOut, whenSignedOut } from './api';
import { useLoad } from './components';
import { GroupPage, TreePage, UnitPage } from './explorer';
import { PersonPage } from './person';
import { I18nProvider, useI18n, type Language } from './i18n';
import { PermissionsPage } from './permissions';
import { href, useRoute } from './router';
import { AuditPage, OverviewPage } from './suppliers';

const SignIn = ({ onSignedIn }: { onSignedIn(admin: string): void }) => {
  const { t } = useI18n();
  const [credential, setCredential] = useState('');
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSignedIn(await signIn(credential.trim()));
    } catch {
      setFailed(true);
    }
  };
  return (
    <main className="sign-in">
      <h1>{t('title')}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="credential">{t('adminKey')}</label>
        <input
          id="credential"
          type="password"
          autoComplete="current-password"
          value={credential}
          onChange={(event) => setCredential(event.target.value)}
          required
        />
        <button type="submit" className="primary">
          {t('signIn')}
        </button>
        {failed && (
          <p role="alert" className="error">
            {t('signInFailed')}
          </p>
        )}
      </form>
    </main>
  );
};

const ViewAs = ({ as, parts }: { as: string | null; parts: string[] }) => {
  const { t } = useI18n();
  const suppliers = useLoad(() => api<{ suppliers: { name: string }[] }>('GET', 'suppliers'), []);
  return (
    <label className="view-as">
      {t('viewAs')}{' '}
      <select value={as ?? ''} onChange={(event) => (window.location.hash = href(parts, event.target.value || null))}>
        <option value="">{t('administrator')}</option>
        {(suppliers.value?.suppliers ?? []).map((supplier) => (
          <option key={supplier.name} value={supplier.name}>
            {supplier.name}
          </option>
        ))}
      </select>
    </label>
  );
};

const Page = () => {
  const { parts, as } = useRoute();
  const [section, id] = parts;
  switch (section) {
    case 'unit':
      return <UnitPage id={id ?? ''} as={as} />;
    case 'group':
      return <GroupPage id={id ?? ''} as={as} />;
    case 'person':
      return <PersonPage id={id ?? ''} as={as} />;
    case 'suppliers':
      return <OverviewPage />;
    case 'permissions':
      return <PermissionsPage name={id} />;
    case 'audit':
      return <AuditPage />;
    default:
      return <TreePage as={as} />;
  }
};

const Shell = ({ admin, onSignOut }: { admin: string; onSignOut(): void }) => {
  const { t, language, setLanguage } = useI18n();
  const { parts, as } = useRoute();
  const explorer = parts[0] === undefined || ['unit', 'group', 'person'].includes(parts[0]);
  const current = (name: string) => ((parts[0] ?? '') === name || (name === '' && explorer) ? 'page' : undefined);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <h1>{t('title')}</h1>
        <nav aria-label="Console">
          <a href={href([], as)} aria-current={current('')}>
            {t('explorer')}
          </a>
          <a href={href(['suppliers'], null)} aria-current={current('suppliers')}>
            {t('suppliers')}
          </a>
          <a href={href(['permissions'], null)} aria-current={current('permissions')}>
            {t('permissions')}
          </a>
          <a href={href(['audit'], null)} aria-current={current('audit')}>
            {t('audit')}
          </a>
        </nav>
        <div className="session">
          <label>
            {t('language')}{' '}
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </label>
          <span>
            {t('signedInAs')} <strong>{admin}</strong>
          </span>
          <button type="button" onClick={() => void signOut().then(onSignOut)}>
            {t('signOut')}
          </button>
        </div>
      </header>
      {explorer && (
        <div className={as ? 'view-bar supplier' : 'view-bar'}>
          <ViewAs as={as} parts={parts} />
        </div>
      )}
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
    </>
  );
};

export const App = () => {
  const [admin, setAdmin] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    whenSignedOut(() => setAdmin(null));
    if (!session.token()) {
      setChecked(true);
      return;
    }
    api<{ admin: string }>('GET', 'session')
      .then(({ admin: name }) => setAdmin(name))
      .catch(() => setAdmin(null))
      .finally(() => setChecked(true));
  }, []);
  return (
    <I18nProvider signedIn={admin !== null}>
      {!checked ? null : admin === null ? <SignIn onSignedIn={setAdmin} /> : <Shell admin={admin} onSignOut={() => setAdmin(null)} />}
    </I18nProvider>
  );
};
