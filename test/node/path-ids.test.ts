import { expect, it } from '@jest/globals';
import type { INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { propertyOf } from '../helpers/node-description';
import { describeWithSimulator, requestsSince, tokenCredentials } from '../helpers/simulator';

/**
 * IDs that go into a URL path must be one path segment. A value such as "../x" (often a wrong
 * expression) would otherwise reach another endpoint; it fails naming the field, and no request
 * (not even the accounts lookup) is sent.
 */
describeWithSimulator('IDs in URL paths', (sim) => {
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	const OPERATIONS: Array<[string, (id: string) => INodeParameters, string]> = [
		['Post → Get', (id) => ({ resource: 'post', operation: 'get', postId: byId(id) }), 'Post'],
		['Post → Delete', (id) => ({ resource: 'post', operation: 'delete', postId: byId(id) }), 'Post'],
		['Post → Update', (id) => ({ resource: 'post', operation: 'update', postId: byId(id), updateFields: { summary: 'x' } }), 'Post'],
		['Account → Delete', (id) => ({ resource: 'account', operation: 'delete', accountId: byId(id) }), 'Account'],
		['Category → Get', (id) => ({ resource: 'category', operation: 'get', categoryId: byId(id) }), 'Category'],
		['Comment → Like', (id) => ({ resource: 'comment', operation: 'like', platform: 'facebook', commentId: id }), 'Comment ID'],
		['Comment → Unlike', (id) => ({ resource: 'comment', operation: 'unlike', platform: 'facebook', commentId: id }), 'Comment ID'],
	];

	// The messages' labels are passed at run time (test/node/error-labels.test.ts cannot read them
	// from the source): each must be the label of the ID field the editor shows.
	it.each(OPERATIONS)('%s names its ID field by its label, "%s"', async (_name, parameters, label) => {
		const { resource, operation, ...rest } = parameters('x');
		const idField = Object.keys(rest).find((name) => name.endsWith('Id'))!;
		expect((await propertyOf(idField, String(resource), String(operation))).displayName).toBe(label);
	});

	// The message says what to do: a field with a list, choose from it; a text field, where its IDs come from.
	const fixOf = (label: string) =>
		label === 'Comment ID' ? 'give the comment’s ID from Comment → Get Many' : 'choose it from the list, or give its ID';
	const NO_PATH_CHARACTERS = '(with no "/", "\\", "%", ".." or spaces)';

	const cases = OPERATIONS.flatMap(([name, parameters, label]) =>
		[
			['../x', `${label}: "../x" is not an ID; ${fixOf(label)} ${NO_PATH_CHARACTERS}`],
			['65f1c7e2/../../accounts', `${label}: "65f1c7e2/../../accounts" is not an ID; ${fixOf(label)} ${NO_PATH_CHARACTERS}`],
			['a\\b', `${label}: "a\\b" is not an ID; ${fixOf(label)} ${NO_PATH_CHARACTERS}`],
			['  ', `${label}: no ID given; ${fixOf(label)}`],
		].map(([id, message]) => [name, id, message, parameters] as const),
	);

	it.each(cases)('%s with ID %j fails with "%s" and sends nothing', async (_name, id, message, parameters) => {
		const before = sim().control.requests().length;
		const { error } = await runNode({ parameters: parameters(id), credentials: tokenCredentials(sim()) });
		expect(error?.message).toBe(message);
		expect(requestsSince(sim(), before)).toEqual([]);
	});

	it('an ID with spaces around it is trimmed, and characters a path needs escaped are encoded', async () => {
		const before = sim().control.requests().length;
		const { error } = await runNode({
			parameters: { resource: 'post', operation: 'get', postId: byId(' 65f1?x=1#y ') },
			credentials: tokenCredentials(sim()),
		});
		expect(error?.message).toBe('Post not found');
		expect(requestsSince(sim(), before)).toEqual([`GET /social-media-posting/${sim().locationId}/posts/65f1%3Fx%3D1%23y`]);
	});
});
