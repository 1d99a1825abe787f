// Container health check with Node itself (the image has no curl): GET /healthz, exit 0 when it answers 2xx.
//   node docker/healthcheck.js                    http://127.0.0.1:$HEALTH_PORT/healthz (HEALTH_PORT default 4000)
//   node docker/healthcheck.js 4001 4002          each of these ports
//   node docker/healthcheck.js --any-status 4101  any HTTP answer counts (the demo producers: 401 without token)
'use strict';
const args = process.argv.slice(2);
const anyStatus = args[0] === '--any-status';
const ports = (anyStatus ? args.slice(1) : args).length > 0 ? (anyStatus ? args.slice(1) : args) : [process.env.HEALTH_PORT || '4000'];
const check = (port) =>
  fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) }).then((res) => {
    if (!anyStatus && !res.ok) throw new Error(`port ${port}: HTTP ${res.status}`);
  });
Promise.all(ports.map(check)).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`unhealthy: ${error.message}\n`);
    process.exit(1);
  },
);
