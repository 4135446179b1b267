import { describe, expect, it } from '@jest/globals';
import { loadPackage } from '../harness/package-classes';
import { isLabelPath, labelTree } from '../helpers/node-labels';
import { printFigures } from '../helpers/report';
import { errorMessages, messagesOfSource } from './error-messages';

/**
 * Every NodeOperationError of the action node names the field it is about by the label the user
 * sees: "<Label>: …", or "<Label> → <Label>: …" down into a collection or group. The messages are
 * read from the source (each variant of a built message, a label followed to the calls that give
 * it), the labels from the node description as n8n loads it.
 */

// Messages whose label is only known at run time, and where that label is checked instead.
const LABELLED_AT_RUN_TIME: Record<string, string> = {
	// pathSegment(node, label, …): each routed operation passes the label of its ID field; idList and
	// optionalId are given theirs by their callers.
	'nodes/HoopAiSocialPlanner/shared/ids.ts':
		'test/node/path-ids.test.ts and test/node/bad-inputs.test.ts check the labels against the description',
	// The accounts fields' messages: each caller passes its field's label (Account Names or IDs, or
	// Filters → Account Names or IDs); the account-names tests check them.
	'nodes/HoopAiSocialPlanner/shared/accounts.ts': 'test/node/account-names.test.ts and test/node/bad-inputs.test.ts check the labels',
	// asNodeError wraps an error that is not ours (it keeps its own message).
	'nodes/HoopAiSocialPlanner/shared/execute.ts': 'not a message of ours',
};

describe('error messages name the field by its label in the editor', () => {
	const messages = errorMessages();

	it('finds the messages', () => {
		expect(messages.length).toBeGreaterThan(40);
	});

	it('each starts with the field’s label path ("Media → URL: …"), or names a credential field', async () => {
		const { packageName, nodeTypes, credentialTypes } = await loadPackage();
		const tree = labelTree(nodeTypes[`${packageName}.hoopAiSocialPlanner`].description.properties);
		const credentialLabels = Object.values(credentialTypes).flatMap((type) => type.properties.map((property) => property.displayName));
		const wrong: string[] = [];
		let checked = 0;
		for (const { file, line, message } of messages) {
			const colon = message.indexOf(': ');
			const label = colon > 0 ? message.slice(0, colon) : '';
			if (label.includes('${') || message.startsWith('${')) {
				if (!LABELLED_AT_RUN_TIME[file]) wrong.push(`${file}:${line}: the label of "${message}" is only known at run time`);
				continue;
			}
			checked += 1;
			if (!label) {
				// A message about the credential (e.g. "No Location ID") names its field.
				if (!credentialLabels.some((credentialLabel) => message.includes(credentialLabel)))
					wrong.push(`${file}:${line}: "${message}" names no field`);
			} else if (!isLabelPath(label.split(' → '), tree)) {
				wrong.push(`${file}:${line}: "${label}" is not a field’s label in "${message}"`);
			}
		}
		printFigures('Error messages checked against the labels of the node description', {
			'messages (variants of built ones included)': messages.length,
			'labels checked': checked,
			'labelled at run time (checked elsewhere)': messages.length - checked,
		});
		expect(wrong).toEqual([]);
	});

	it('a label passed down is followed to its callers, through a closure and a .call(this, …)', () => {
		const source = `
			function one(node, label, value) { throw new NodeOperationError(node, \`\${label}: "\${value}" is not allowed\`); }
			function many(node, label, list) { return list.map((item) => one(node, label, item)); }
			async function read(this: Context, label: string) { throw new NodeOperationError(this.getNode(), \`\${label}: no file\`); }
			many(node, 'Platforms', []);
			one(node, 'Status', 'x');
			read.call(this, 'Input Binary Field');
			function orphan(node, label) { throw new NodeOperationError(node, \`\${label}: never called\`); }
		`;
		expect(messagesOfSource(source).sort()).toEqual(
			[
				'Input Binary Field: no file',
				'Platforms: "${value}" is not allowed',
				'Status: "${value}" is not allowed',
				'${label}: never called',
			].sort(),
		);
	});

	it('the check catches a label the editor does not show', () => {
		const tree = labelTree([
			{
				displayName: 'Media',
				name: 'media',
				type: 'fixedCollection',
				default: {},
				options: [{ displayName: 'Media', name: 'items', values: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }] }],
			},
			{ displayName: 'Account Names or IDs', name: 'accountIds', type: 'multiOptions', default: [], options: [] },
		]);
		expect(isLabelPath(['Media', 'URL'], tree)).toBe(true);
		expect(isLabelPath(['Account Names or IDs'], tree)).toBe(true);
		expect(isLabelPath(['Accounts'], tree)).toBe(false);
		expect(isLabelPath(['URL', 'Media'], tree)).toBe(false);
		expect(isLabelPath(['Media 1'], tree)).toBe(false);
	});
});
