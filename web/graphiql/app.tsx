import { GraphiQL } from 'graphiql';
import { useMemo, useState } from 'react';
import { supplierFetcher } from './fetcher';
import { KeyBar } from './key-bar';
import { readKey, storeKey } from './key-storage';

const EXAMPLE_QUERY = `# Paste a supplier key above (the demo keys are in the README), then run this.
{
  organisations(first: 3, type: [SKOLENHET]) {
    edges {
      node {
        displayName
        groups(groupType: [KLASS]) {
          displayName
        }
      }
    }
  }
}
`;

export function App() {
  const [key, setKey] = useState(readKey);
  // A new fetcher makes GraphiQL introspect again: schema, autocomplete and docs follow the key.
  const fetcher = useMemo(() => supplierFetcher(key), [key]);
  const useKey = (next: string): void => {
    storeKey(next);
    setKey(next);
  };
  return (
    <div className="app">
      <KeyBar current={key} onUse={useKey} />
      <div className="app-graphiql">
        {/* Headers typed in the editor are never persisted: the switch to keep them in localStorage is hidden. */}
        <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE_QUERY} showPersistHeadersSettings={false} shouldPersistHeaders={false} />
      </div>
    </div>
  );
}
