import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { loadOptions, runNode } from '../harness/n8n';
import { propertyOf } from '../helpers/node-description';
import { printFigures } from '../helpers/report';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';

/** A text as a pattern that matches it literally. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether this Node.js reads dates in `zone` (what the node needs of a timezone at run time). */
function readsDatesIn(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

describeWithSimulator('Timezone: a searchable dropdown of zones, the workflow’s by default', (sim) => {
	const location = () => locationOf(sim());
	const facebook = () => location().accounts.find((account: IDataObject) => account.platform === 'facebook').id as string;
	const storedDate = (id: unknown) => location().posts.find((post: IDataObject) => post._id === id).displayDate;
	const create = async (parameters: INodeParameters, options: { timezone?: string; input?: IDataObject[] } = {}) =>
		await runNode({
			parameters: { resource: 'post', operation: 'create', simple: false, accountIds: [facebook()], summary: 'Fresh roast', ...parameters },
			credentials: tokenCredentials(sim()),
			...options,
		});

	it('the dropdown starts with the workflow’s timezone, then UTC and every zone, by readable name', async () => {
		const zones = await loadOptions('getTimezones', {
			parameters: { resource: 'post', operation: 'create' },
			credentials: tokenCredentials(sim()),
		});
		expect(zones[0]).toEqual({ name: 'Workflow Timezone', value: '', description: 'The timezone in this workflow’s settings' });
		expect(zones[1]).toEqual({ name: 'UTC', value: 'UTC' });
		const newYork = zones.find((zone) => zone.value === 'America/New_York');
		// Found by typing "new york": no underscore in the name; the difference from UTC of today.
		expect(newYork?.name).toMatch(/^America\/New York \(UTC-0[45]:00\)$/);
		expect(zones.find((zone) => zone.value === 'Asia/Kolkata')?.name).toBe('Asia/Kolkata (UTC+05:30)');
		// Current names, not the former ones Node's ICU data still lists.
		expect(zones.map((zone) => zone.value)).not.toContain('Asia/Calcutta');
		const values = zones.slice(1).map((zone) => String(zone.value));
		expect(new Set(values).size).toBe(values.length);
		expect(values.filter((zone) => !readsDatesIn(zone))).toEqual([]);
		printFigures('Timezone dropdown', {
			options: zones.length,
			'Europe/Berlin': String(zones.find((zone) => zone.value === 'Europe/Berlin')?.name),
		});
	});

	it('the field is that dropdown, defaults to the workflow’s timezone and takes any zone name', async () => {
		for (const [operation, property] of [
			['create', await propertyOf('timezone', 'post', 'create')],
			['update', await propertyOf('updateFields', 'post', 'update')],
		] as const) {
			const timezone =
				operation === 'create' ? property : (property.options as (typeof property)[]).find((field) => field.name === 'timezone')!;
			expect({
				operation,
				type: timezone.type,
				method: timezone.typeOptions?.loadOptionsMethod,
				default: timezone.default,
				any: timezone.allowArbitraryValues,
			}).toEqual({
				operation,
				type: 'options',
				method: 'getTimezones',
				default: '',
				any: true,
			});
		}
	});

	it('a zone from the list schedules in that zone; none chosen, in the workflow’s', async () => {
		const kolkata = await create({ scheduleDate: '2030-06-01T09:30:00', timezone: 'Asia/Kolkata' }, { timezone: 'Europe/Berlin' });
		expect(kolkata.error).toBeUndefined();
		expect(storedDate(kolkata.items[0].json._id)).toBe('2030-06-01T04:00:00.000Z');

		const workflows = await create({ scheduleDate: '2030-06-01T09:30:00', timezone: '' }, { timezone: 'Europe/Berlin' });
		expect(storedDate(workflows.items[0].json._id)).toBe('2030-06-01T07:30:00.000Z');
	});

	it('names from before the dropdown and from expressions keep working', async () => {
		const cases: Array<[string, string]> = [
			['Asia/Calcutta', '2030-06-01T04:00:00.000Z'], // a former name, not in the list
			['US/Eastern', '2030-06-01T13:30:00.000Z'], // an alias, not in the list
			['={{ $json.zone }}', '2030-06-01T08:30:00.000Z'], // Europe/London from the item
		];
		for (const [timezone, expected] of cases) {
			const { items, error } = await create({ scheduleDate: '2030-06-01T09:30:00', timezone }, { input: [{ zone: 'Europe/London' }] });
			expect({ timezone, error: error?.message }).toEqual({ timezone, error: undefined });
			expect({ timezone, date: storedDate(items[0].json._id) }).toEqual({ timezone, date: expected });
		}
	});
});

describeWithSimulator('date errors show the time the user gave, in their timezone, beside UTC', (sim) => {
	const facebook = () => locationOf(sim()).accounts.find((account: IDataObject) => account.platform === 'facebook').id as string;
	const create = async (parameters: INodeParameters, timezone?: string) =>
		await runNode({
			parameters: { resource: 'post', operation: 'create', simple: false, accountIds: [facebook()], summary: 'Fresh roast', ...parameters },
			credentials: tokenCredentials(sim()),
			timezone,
		});

	it.each([
		[
			'in the Timezone chosen',
			{ scheduleDate: '2020-03-01T09:30:00', timezone: 'America/New_York' },
			undefined,
			'2020-03-01 09:30 in America/New_York (14:30 UTC)',
		],
		['in the workflow’s timezone', { scheduleDate: '2020-07-01 09:30' }, 'Europe/Berlin', '2020-07-01 09:30 in Europe/Berlin (07:30 UTC)'],
		[
			'on another day in UTC',
			{ scheduleDate: '2020-03-01T22:30:00', timezone: 'America/New_York' },
			undefined,
			'2020-03-01 22:30 in America/New_York (2020-03-02 03:30 UTC)',
		],
		[
			'with its own difference from UTC',
			{ scheduleDate: '2020-03-01T09:30:00+05:30', timezone: 'America/New_York' },
			undefined,
			'2020-03-01 09:30 at UTC+05:30 (04:00 UTC)',
		],
		['in UTC', { scheduleDate: '2020-03-01T09:30:15Z' }, 'Europe/Berlin', '2020-03-01 09:30:15 UTC'],
	] as Array<[string, INodeParameters, string | undefined, string]>)(
		'a past Schedule Date %s',
		async (_how, parameters, workflowTimezone, shown) => {
			const before = sim().control.requests().length;
			const { error } = await create({ status: 'scheduled', ...parameters }, workflowTimezone);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(
				new RegExp(`^${escaped(`Schedule Date: ${shown} is in the past (now: `)}.* UTC\\)\\. Choose a future date`),
			);
			expect(sim().control.requests().length).toBe(before);
		},
	);

	it('Update says the same of a past date it is given', async () => {
		const post = locationOf(sim()).posts.find((candidate: IDataObject) => candidate.status === 'scheduled');
		const { error } = await runNode({
			parameters: {
				resource: 'post',
				operation: 'update',
				postId: { __rl: true, mode: 'id', value: String(post._id) },
				updateFields: { scheduleDate: '2020-03-01T09:30:00', timezone: 'Asia/Kolkata' },
			},
			credentials: tokenCredentials(sim()),
		});
		expect(error?.message).toMatch(
			new RegExp(`^${escaped('Schedule Date: 2020-03-01 09:30 in Asia/Kolkata (04:00 UTC) is in the past (now: ')}`),
		);
	});

	it('a timezone that is none, or a date that is none, is quoted as typed', async () => {
		const zone = await create({ scheduleDate: '2030-03-01T09:30:00', timezone: 'Mars/Olympus' });
		expect(zone.error?.message).toBe(
			'Timezone Name or ID: "Mars/Olympus" is not a timezone; choose one from the list, or give its name, e.g. Europe/Berlin',
		);
		const date = await create({ scheduleDate: 'next tuesday 9:30' });
		expect(date.error?.message).toBe(
			'Schedule Date: "next tuesday 9:30" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00',
		);
	});
});
