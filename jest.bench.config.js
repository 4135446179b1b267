/** `npm run bench`: benchmark scripts that print figures (they assert nothing about speed). */
const base = require('./jest.config');

module.exports = { ...base, testMatch: ['**/*.bench.ts'], testTimeout: 600000 };
