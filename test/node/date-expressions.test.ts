import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';

// Every date field reads what an n8n expression gives: a Luxon DateTime ($now, $today,
// DateTime.fromISO), a JS Date, or ISO text. A DateTime keeps the offset it carries; a Date is UTC.
// The workflow's timezone is Europe/Berlin, so a value read in it would show a different instant.

const ZONE = 'Europe/Berlin';
const TOKYO_MORNING = "={{ DateTime.fromISO('2030-06-01T09:30:00', { zone: 'Asia/Tokyo' }) }}";
const TOKYO_MORNING_UTC = '2030-06-01T00:30:00.000Z';
const JS_DATE = "={{ new Date('2030-06-01T09:30:00Z') }}";
const IN_TWO_DAYS_AT_NINE = '={{ $now.plus({ days: 2 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }) }}';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The wall clock of an instant in `zone`, as "YYYY-MM-DD HH:mm". */
function wallClockIn(zone: string, iso: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
	}).formatToParts(new Date(iso));
	const get = (type: string) => parts.find((part) => part.type === type)?.value;
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

describeWithSimulator('Date fields take Luxon DateTimes, JS Dates and ISO text from expressions', (sim) => {
	const location = () => locationOf(sim());
	const account = (platform: string) => String(location().accounts.find((candidate: IDataObject) => candidate.platform === platform).id);
	const run = async (parameters: INodeParameters, input?: IDataObject[]) => {
		const result = await runNode({ parameters, credentials: tokenCredentials(sim()), timezone: ZONE, input });
		expect(result.error?.message).toBeUndefined();
		return result.items.map((item) => item.json);
	};
	/** The body of the last request the node sent to a path ending in `suffix`. */
	const lastBody = (suffix: string) => {
		const requests = sim()
			.control.requests()
			.filter((request) => request.path.split('?')[0].endsWith(suffix));
		return requests[requests.length - 1]?.body as IDataObject;
	};
	const stored = (id: unknown) => location().posts.find((post: IDataObject) => post._id === id)?.displayDate;
	const createPost = (scheduleDate: string, extra: IDataObject = {}) =>
		run({
			resource: 'post',
			operation: 'create',
			simple: false,
			accountIds: [account('facebook')],
			summary: 'Fresh roast',
			scheduleDate,
			...extra,
		});

	it('Post → Create schedules $now.plus(…) at 09:00 in the workflow’s timezone, two days ahead', async () => {
		const [post] = await createPost(IN_TWO_DAYS_AT_NINE);
		const when = String(stored(post._id));
		expect(wallClockIn(ZONE, when).slice(11)).toBe('09:00');
		const daysAhead = (Date.parse(when) - Date.now()) / 86_400_000;
		expect(daysAhead).toBeGreaterThan(1);
		expect(daysAhead).toBeLessThan(3);
	});

	it('Post → Create keeps the offset a DateTime carries, reads a JS Date as UTC and ISO text with its offset', async () => {
		const cases: Array<[string, string]> = [
			[TOKYO_MORNING, TOKYO_MORNING_UTC],
			[JS_DATE, '2030-06-01T09:30:00.000Z'],
			['2030-06-01T09:30:00+02:00', '2030-06-01T07:30:00.000Z'],
			['2030-06-01T09:30:00', '2030-06-01T07:30:00.000Z'], // no offset: the workflow's timezone
		];
		for (const [scheduleDate, expected] of cases) {
			const [post] = await createPost(scheduleDate);
			expect({ scheduleDate, stored: stored(post._id) }).toEqual({ scheduleDate, stored: expected });
		}
	});

	it('Post → Create takes a DateTime an earlier node put in the item', async () => {
		const [post] = await run(
			{
				resource: 'post',
				operation: 'create',
				simple: false,
				accountIds: [account('facebook')],
				summary: 'Fresh roast',
				scheduleDate: '={{ DateTime.fromISO($json.when, { setZone: true }) }}',
			},
			[{ when: '2030-06-01T09:30:00-04:00' }],
		);
		expect(stored(post._id)).toBe('2030-06-01T13:30:00.000Z');
	});

	it('Post → Update moves a post to a DateTime’s instant (inside Update Fields)', async () => {
		const [post] = await createPost('2030-05-01T10:00:00Z');
		await run({ resource: 'post', operation: 'update', postId: byId(String(post._id)), updateFields: { scheduleDate: TOKYO_MORNING } });
		expect(stored(post._id)).toBe(TOKYO_MORNING_UTC);
	});

	it('Post → Get Many takes a window from $now.minus(…) to $now.plus(…)', async () => {
		await run({
			resource: 'post',
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: '={{ $now.minus({ days: 3 }) }}', toDate: '={{ $now.plus({ days: 30 }) }}' },
		});
		const body = lastBody('/posts/list');
		const days = (iso: unknown) => Math.round((Date.parse(String(iso)) - Date.now()) / 86_400_000);
		expect({ from: days(body.fromDate), to: days(body.toDate) }).toEqual({ from: -3, to: 30 });
	});

	it('Statistic → Get takes a custom period from DateTimes', async () => {
		await run({
			resource: 'statistics',
			operation: 'get',
			range: 'custom',
			startDate: "={{ DateTime.fromISO('2026-03-01T00:00:00Z') }}",
			endDate: '={{ $today }}',
		});
		const body = lastBody('/statistics');
		const range = body.currentRange as IDataObject;
		expect(range.startDate).toBe('2026-03-01T00:00:00.000Z');
		// $today is midnight on the workflow's clock.
		expect(wallClockIn(ZONE, String(range.endDate))).toBe(`${wallClockIn(ZONE, new Date().toISOString()).slice(0, 10)} 00:00`);
	});

	it('Comment → Get Many takes its window from a DateTime and a JS Date', async () => {
		const facebook = location().accounts.find((candidate: IDataObject) => candidate.platform === 'facebook');
		await run({
			resource: 'comment',
			operation: 'getAll',
			platform: 'facebook',
			originIds: [String(facebook.originId)],
			returnAll: true,
			commentFilters: { fromDate: TOKYO_MORNING, toDate: "={{ new Date('2030-06-02T00:00:00Z') }}" },
		});
		expect(lastBody('/comments/facebook/list')).toMatchObject({ fromDate: TOKYO_MORNING_UTC, toDate: '2030-06-02T00:00:00.000Z' });
	});

	it('Category Queue → Update skips the slot a DateTime names, and Get Calendar takes a DateTime window', async () => {
		const queue = location().queues[0] as IDataObject;
		const [calendar] = await run({
			resource: 'categoryQueue',
			operation: 'getCalendar',
			calendarStartDate: '={{ $now }}',
			calendarEndDate: '={{ $now.plus({ weeks: 2 }) }}',
			limit: 1,
		});
		const calendarBody = lastBody('/calendar');
		expect(Math.round((Date.parse(String(calendarBody.endDate)) - Date.parse(String(calendarBody.startDate))) / 86_400_000)).toBe(14);
		const slot = String(calendar.scheduledDateTime);
		expect(Date.parse(slot)).toBeGreaterThan(Date.now());
		await run({
			resource: 'categoryQueue',
			operation: 'update',
			queue: byId(String(queue._id)),
			queueUpdateFields: { skipDateTime: `={{ DateTime.fromISO('${slot}').setZone('Asia/Tokyo') }}` },
		});
		expect(lastBody(`/${String(queue._id)}`)).toMatchObject({ skipDateTime: slot });
	});

	it('CSV Import → Build CSV reads each row’s DateTime and Date in the offset it carries', async () => {
		const result = await runNode({
			parameters: {
				resource: 'csvImport',
				operation: 'buildCsv',
				dateTime: '={{ $json.kind === "luxon" ? DateTime.fromISO($json.when, { setZone: true }) : new Date($json.when) }}',
				csvText: '={{ $json.text }}',
				csvTimezone: 'UTC',
			},
			credentials: tokenCredentials(sim()),
			timezone: ZONE,
			input: [
				{ kind: 'luxon', when: '2030-06-01T09:30:00+09:00', text: 'Tokyo morning' },
				{ kind: 'date', when: '2030-06-01T09:30:00Z', text: 'UTC morning' },
			],
		});
		expect(result.error?.message).toBeUndefined();
		const csv = Buffer.from(String(result.items[0].binary?.data.data), 'base64').toString('utf8');
		expect(csv).toContain('2030-06-01 00:30:00');
		expect(csv).toContain('2030-06-01 09:30:00');
	});

	it('a Google event takes DateTimes as the business’s wall clock', async () => {
		const [post] = await run({
			resource: 'post',
			operation: 'create',
			simple: false,
			accountIds: [account('google')],
			summary: 'Tasting evening',
			scheduleDate: '2030-05-01T10:00:00Z',
			platformOptions: {
				google: {
					gmbEventType: 'EVENT',
					title: 'Tasting',
					startDate: TOKYO_MORNING,
					endDate: "={{ DateTime.fromISO('2030-06-01T18:00:00', { zone: 'Asia/Tokyo' }) }}",
				},
			},
		});
		const details = location().posts.find((candidate: IDataObject) => candidate._id === post._id)?.gmbPostDetails as IDataObject;
		expect(details).toMatchObject({
			startDate: { startDate: { year: 2030, month: 6, day: 1 }, startTime: { hours: 9, minutes: 30 } },
			endDate: { endDate: { year: 2030, month: 6, day: 1 }, endTime: { hours: 18, minutes: 0 } },
		});
	});

	it('an invalid DateTime or Date fails naming the field and saying what to give, nothing sent', async () => {
		const before = sim().control.requests().length;
		for (const [scheduleDate, reason] of [
			["={{ DateTime.fromISO('not a date') }}", /can't be parsed as ISO 8601/],
			["={{ new Date('soon') }}", /Invalid Date/],
		] as const) {
			const { error } = await runNode({
				parameters: { resource: 'post', operation: 'create', accountIds: [account('facebook')], summary: 'x', scheduleDate },
				credentials: tokenCredentials(sim()),
			});
			expect(error?.message).toMatch(/^Schedule Date: the expression gives an invalid date/);
			expect(error?.message).toMatch(reason);
			expect(error?.message).toMatch(/\$now\.plus/);
		}
		expect(
			sim()
				.control.requests()
				.slice(before)
				.filter((request) => request.method !== 'GET'),
		).toEqual([]);
	});
});
