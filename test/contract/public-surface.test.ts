// Saved workflows keep working: the package keeps everything the committed contract
// (public-surface.json) records, and the contract records everything the package offers.
import { describe, expect, it } from '@jest/globals';
import { printFigures } from '../helpers/report';
import {
	breakages,
	contractSize,
	formatContract,
	HOW_TO_VERSION,
	loadPublicClasses,
	readContract,
	surfaceOf,
	UPDATE_COMMAND,
} from './surface';

describe('the public surface saved workflows depend on (test/contract/public-surface.json)', () => {
	it('keeps every parameter, its type, default and option values, per resource/operation, and every credential field', async () => {
		const contract = readContract();
		const problems = breakages(contract, surfaceOf(await loadPublicClasses()));
		if (problems.length) throw new Error(`Saved workflows would break:\n  ${problems.join('\n  ')}\n\n${HOW_TO_VERSION}`);
		printFigures('Public surface contract', contractSize(contract));
	});

	it(`records all the package offers (an addition: run ${UPDATE_COMMAND})`, async () => {
		const current = formatContract(surfaceOf(await loadPublicClasses()));
		const recorded = formatContract(readContract());
		if (current !== recorded)
			throw new Error(
				`The package and the contract differ. When the test above passes, the package only adds: run ${UPDATE_COMMAND} and commit test/contract/public-surface.json.`,
			);
		expect(current).toBe(recorded);
	});
});
