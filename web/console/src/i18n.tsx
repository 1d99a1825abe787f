// Swedish and English labels. SS 12000 values are shown in the standard's Swedish words (the graph's
// enum descriptions carry them: SKYDDAD_FOLKBOKFORING → "Skyddad folkbokföring") or in English.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { graph } from './api';

export type Language = 'sv' | 'en';

const TEXT = {
  title: { sv: 'SS 12000-konsol', en: 'SS 12000 console' },
  signIn: { sv: 'Logga in', en: 'Sign in' },
  signOut: { sv: 'Logga ut', en: 'Sign out' },
  adminKey: { sv: 'Administratörsnyckel eller token', en: 'Administrator key or token' },
  signInFailed: { sv: 'Inte en administratörsnyckel.', en: 'Not an administrator credential.' },
  signedInAs: { sv: 'Inloggad som', en: 'Signed in as' },
  explorer: { sv: 'Datautforskare', en: 'Data Explorer' },
  suppliers: { sv: 'Leverantörer', en: 'Suppliers' },
  permissions: { sv: 'Behörigheter', en: 'Data permissions' },
  audit: { sv: 'Ändringslogg', en: 'Audit log' },
  viewAs: { sv: 'Visa som', en: 'View as' },
  administrator: { sv: 'Administratör (egen vy)', en: 'Administrator (own view)' },
  organisationTree: { sv: 'Organisationsträd', en: 'Organisation tree' },
  loading: { sv: 'Hämtar …', en: 'Loading …' },
  groups: { sv: 'Grupper', en: 'Groups' },
  subUnits: { sv: 'Underliggande enheter', en: 'Sub-units' },
  members: { sv: 'Medlemmar', en: 'Members' },
  enrolments: { sv: 'Inskrivningar', en: 'Enrolments' },
  placements: { sv: 'Placeringar', en: 'Placements' },
  hoursPerWeek: { sv: 'tim/vecka', en: 'h/week' },
  guardians: { sv: 'Vårdnadshavare', en: 'Guardians' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  grades: { sv: 'Betyg', en: 'Grades' },
  absence: { sv: 'Frånvaro', en: 'Absence' },
  withheld: { sv: 'undanhållet', en: 'withheld' },
  why: { sv: 'Varför?', en: 'Why?' },
  absent: { sv: 'Syns inte för', en: 'Not visible to' },
  none: { sv: 'Inga', en: 'None' },
  more: { sv: 'Nästa sida', en: 'Next page' },
  previous: { sv: 'Föregående sida', en: 'Previous page' },
  name: { sv: 'Namn', en: 'Name' },
  civicNo: { sv: 'Personnummer', en: 'Civic number' },
  securityMarking: { sv: 'Skyddsmarkering', en: 'Security marking' },
  protectedPerson: { sv: 'Skyddad person: visas under alias', en: 'Protected person: shown under an alias' },
  units: { sv: 'Enheter', en: 'Units' },
  allUnits: { sv: 'Alla enheter', en: 'All units' },
  presets: { sv: 'Behörighetspaket', en: 'Presets' },
  writes: { sv: 'Skrivbehörigheter', en: 'Write grants' },
  webhook: { sv: 'Webhook (ändringsflöde)', en: 'Webhook (change feed)' },
  secretSet: { sv: 'hemlighet satt', en: 'secret set' },
  secretMissing: { sv: 'hemlighet saknas: inget levereras', en: 'secret missing: nothing is delivered' },
  protectedRule: { sv: 'Skyddade personer', en: 'Protected persons' },
  alias: { sv: 'alias', en: 'alias' },
  exclude: { sv: 'utelämna', en: 'exclude' },
  minGroupSize: { sv: 'Minsta gruppstorlek', en: 'Minimum group size' },
  costBudget: { sv: 'Kostnadsbudget', en: 'Cost budget' },
  rateLimit: { sv: 'Anropsgräns', en: 'Rate limit' },
  requestsPerWindow: { sv: 'anrop per', en: 'requests per' },
  seconds: { sv: 'sekunder', en: 'seconds' },
  keys: { sv: 'API-nycklar', en: 'API keys' },
  lastUsed: { sv: 'Senast använd', en: 'Last used' },
  never: { sv: 'aldrig', en: 'never' },
  requests: { sv: 'Anrop', en: 'Requests' },
  errors: { sv: 'Fel', en: 'Errors' },
  contract: { sv: 'Kontrakt (SDL)', en: 'Contract (SDL)' },
  download: { sv: 'Ladda ned', en: 'Download' },
  edit: { sv: 'Redigera', en: 'Edit' },
  preview: { sv: 'Förhandsgranska kontrakt', en: 'Preview contract' },
  save: { sv: 'Spara', en: 'Save' },
  saved: { sv: 'Sparat och inläst.', en: 'Saved and reloaded.' },
  added: { sv: 'Tillkommer', en: 'Added' },
  removed: { sv: 'Försvinner', en: 'Removed' },
  noChange: { sv: 'Kontraktet ändras inte.', en: 'The contract does not change.' },
  issueKey: { sv: 'Skapa nyckel', en: 'Issue key' },
  revoke: { sv: 'Återkalla', en: 'Revoke' },
  keyShownOnce: { sv: 'Ny nyckel (visas bara nu, spara den):', en: 'New key (shown only now, keep it):' },
  supplier: { sv: 'Leverantör', en: 'Supplier' },
  when: { sv: 'När', en: 'When' },
  who: { sv: 'Vem', en: 'Who' },
  action: { sv: 'Åtgärd', en: 'Action' },
  change: { sv: 'Ändring', en: 'Change' },
  language: { sv: 'Språk', en: 'Language' },
} as const;

export type TextKey = keyof typeof TEXT;

// English for the SS 12000 values the console shows most; others fall back to the Swedish original.
const ENGLISH: Readonly<Record<string, string>> = {
  'OrganisationType.HUVUDMAN': 'Principal organiser',
  'OrganisationType.VERKSAMHETSOMRADE': 'Area of operation',
  'OrganisationType.FORVALTNING': 'Administration',
  'OrganisationType.REKTORSOMRADE': "Principal's area",
  'OrganisationType.SKOLA': 'School',
  'OrganisationType.SKOLENHET': 'School unit',
  'OrganisationType.VARUMARKE': 'Brand',
  'OrganisationType.BOLAG': 'Company',
  'OrganisationType.OVRIGT': 'Other',
  'SecurityMarking.INGEN': 'None',
  'SecurityMarking.SEKRETESSMARKERING': 'Confidentiality marking',
  'SecurityMarking.SKYDDAD_FOLKBOKFORING': 'Protected registration',
  'GroupType.KLASS': 'Class',
  'GroupType.UNDERVISNING': 'Teaching group',
  'GroupType.MENTOR': 'Mentor group',
  'GroupType.PROVGRUPP': 'Test group',
  'GroupType.SCHEMA': 'Schedule group',
  'GroupType.AVDELNING': 'Department',
  'GroupType.PERSONALGRUPP': 'Staff group',
  'GroupType.OVRIGT': 'Other',
  'PersonStatus.AKTIV': 'Active',
  'PersonStatus.UTVANDRAD': 'Emigrated',
  'PersonStatus.AVLIDEN': 'Deceased',
  'PersonStatus.AVREGISTRERAD': 'Deregistered',
  'RelationType.VARDNADSHAVARE': 'Guardian',
  'RelationType.ANNAN_ANSVARIG': 'Other responsible',
  'RelationType.ELEV': 'Student',
  'AbsenceType.ANMALD_FRANVARO': 'Reported absence',
  'AbsenceType.BEVILJAD_LEDIGHET': 'Granted leave',
};

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: TextKey): string;
  /** An SS 12000 enum value in the chosen language, e.g. value('SecurityMarking', 'INGEN'). */
  value(enumName: string, value: string | null | undefined): string;
  /** A time from the API (ISO) in the chosen language's format. */
  time(iso: string): string;
}

const Context = createContext<I18n | null>(null);

const INTROSPECT_ENUMS = '{ __schema { types { name kind enumValues { name description } } } }';

export const I18nProvider = ({ children, signedIn }: { children: ReactNode; signedIn: boolean }) => {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('ss12000-console-language') === 'en' ? 'en' : 'sv'));
  const [swedish, setSwedish] = useState<Record<string, string>>({});
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem('ss12000-console-language', language);
  }, [language]);
  useEffect(() => {
    if (!signedIn) return;
    void graph<{
      __schema: { types: { name: string; kind: string; enumValues: { name: string; description: string | null }[] | null }[] };
    }>(null, INTROSPECT_ENUMS).then(({ data }) => {
      const labels: Record<string, string> = {};
      for (const type of data?.__schema.types ?? []) {
        for (const value of type.enumValues ?? []) if (value.description) labels[`${type.name}.${value.name}`] = value.description;
      }
      setSwedish(labels);
    });
  }, [signedIn]);
  const i18n: I18n = {
    language,
    setLanguage,
    t: (key) => TEXT[key][language],
    time: (iso) => new Date(iso).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB'),
    value: (enumName, value) => {
      if (value === null || value === undefined) return '';
      const key = `${enumName}.${value}`;
      return (language === 'en' ? ENGLISH[key] : undefined) ?? swedish[key] ?? value;
    },
  };
  return <Context.Provider value={i18n}>{children}</Context.Provider>;
};

export const useI18n = (): I18n => {
  const i18n = useContext(Context);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
};
