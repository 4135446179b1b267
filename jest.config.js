/** Jest runs the TypeScript tests under test/ against the compiled package in dist/. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// Refuses a dist/ older than the sources: the tests run the compiled package.
	globalSetup: '<rootDir>/test/setup/dist-fresh.js',
	setupFiles: ['<rootDir>/test/setup/n8n-user-folder.js'],
	// Ends the run with how many tests the official spec's absence skipped, and how to get it.
	reporters: ['default', '<rootDir>/test/setup/spec-skips-reporter.js'],
	testTimeout: 30000,
};
