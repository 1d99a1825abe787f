// GraphiQL for the gateway, served by the gateway itself (src/gateway/static-assets.ts) with every asset
// bundled: Monaco's workers through Vite's `?worker` imports, the fonts inlined in graphiql's CSS.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './app.css';
import { createRoot } from 'react-dom/client';
import { App } from './app';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
