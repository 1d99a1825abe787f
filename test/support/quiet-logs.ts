// Jest setup file (jest.config.js `setupFiles`): tests run quiet. The project's logger reads its level
// from LOG_LEVEL (src/config/env.ts, 'info' when unset), so unless a developer set one, it is 'silent'
// here and `npm test` prints the results only. To get the logs back, for one file or all:
//   LOG_LEVEL=info npx jest test/gateway/errors.test.ts
//   LOG_LEVEL=debug npm test
// Tests that check a log line spy on the logger (`jest.spyOn(logger, 'warn')`): the spy records the
// call whatever the level. Loggers a test builds itself (audit lines, the suppliers watcher) keep
// the level the test gives them.
process.env['LOG_LEVEL'] ||= 'silent';
