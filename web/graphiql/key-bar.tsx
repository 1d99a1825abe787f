import { useState, type FormEvent } from 'react';

interface KeyBarProps {
  /** The key in use ('' for none). */
  current: string;
  onUse(key: string): void;
}

/** The supplier-key field above GraphiQL: a password input, applied on submit (not on each keystroke). */
export function KeyBar({ current, onUse }: KeyBarProps) {
  const [draft, setDraft] = useState(current);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onUse(draft.trim());
  };
  const forget = (): void => {
    setDraft('');
    onUse('');
  };
  return (
    <form className="key-bar" onSubmit={submit} aria-label="Supplier key">
      <label htmlFor="supplier-key">Supplier key</label>
      <input
        id="supplier-key"
        name="supplier-key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="paste a key, e.g. demo-lms-key"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit">Use key</button>
      <button type="button" onClick={forget} disabled={current === '' && draft === ''}>
        Forget
      </button>
      <span className="key-status" role="status">
        {current === '' ? 'No key: queries and introspection need one.' : 'Key in use, kept in this tab only (sessionStorage).'}
      </span>
    </form>
  );
}
