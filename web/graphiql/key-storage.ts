// The supplier key lives in this tab's sessionStorage only: gone when the tab closes, never in
// localStorage (where GraphiQL keeps tabs and history), never in a URL.
const STORAGE_KEY = 'ss12000-gateway:supplier-key';

export const readKey = (): string => sessionStorage.getItem(STORAGE_KEY) ?? '';

export const storeKey = (key: string): void => {
  if (key === '') sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, key);
};
