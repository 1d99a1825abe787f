// Jest globalSetup: builds the browser apps under web/ when their build is missing or older than their
// sources (web/build.mjs decides), so `npm test` and a single `npx jest test/web/…` serve current pages.
// Plain JavaScript: Jest loads globalSetup itself, and its default export is what Jest calls.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = () => {
  // Jest sets NODE_ENV=test, and Vite would then bundle React's development build: the tests serve what ships.
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'web', 'build.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
};
