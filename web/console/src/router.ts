// Hash routes: #/unit/<id>?as=demo-lms. The hash keeps the console one static page under any mount point.
import { useEffect, useState } from 'react';

export interface Route {
  /** Path segments after '#/'. */
  parts: string[];
  /** The supplier the Data Explorer shows the data as; null: the administrator's own view. */
  as: string | null;
}

const parse = (): Route => {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = hash.split('?');
  const as = new URLSearchParams(search).get('as');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), as: as || null };
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const changed = () => setRoute(parse());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
};

/** The href of a page, keeping (or setting) the supplier it is viewed as. */
export const href = (parts: string[], as: string | null): string =>
  `#/${parts.map(encodeURIComponent).join('/')}${as ? `?as=${encodeURIComponent(as)}` : ''}`;
