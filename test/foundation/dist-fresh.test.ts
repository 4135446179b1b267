import { describe, expect, it } from '@jest/globals';
import { staleDistOf } from '../helpers/dist-fixture';

/** Jest refuses to run on a dist/ that is not the build of the sources (test/setup/dist-fresh.js). */
describe('the tests refuse a dist/ that is not the build of the sources', () => {
	it('accepts a build newer than every source', () => {
		expect(
			staleDistOf({
				'nodes/A/a.ts': 60,
				'nodes/A/a.node.json': 60,
				'dist/nodes/A/a.js': 10,
				'dist/nodes/A/a.node.json': 10,
				'credentials/C.ts': 60,
				'dist/credentials/C.js': 10,
			}),
		).toEqual([]);
	});

	it('refuses a source edited after the build, one never built, and a compiled file whose source is gone', () => {
		expect(staleDistOf({ 'nodes/A/a.ts': 5, 'dist/nodes/A/a.js': 10, 'nodes/A/new.ts': 5, 'dist/nodes/A/gone.js': 10 }).sort()).toEqual(
			[
				'nodes/A/a.ts is newer than its compiled file',
				'nodes/A/new.ts has no compiled file in dist/',
				'dist/nodes/A/gone.js has no source any more',
			].sort(),
		);
	});
});
