// `npm run simulator`: prints URL, token, location and user, serves the sample data, stops on Ctrl-C.
import { describe, expect, test } from '@jest/globals';
import axios from 'axios';
import { runCli } from './cli-runner';

describe('simulator CLI', () => {
	test('starts seeded on 127.0.0.1, prints what a client needs, and stops on SIGINT', async () => {
		const cli = await runCli();
		try {
			expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const res = await axios.get(`${cli.url}/social-media-posting/${cli.locationId}/accounts`, {
				headers: { Authorization: `Bearer ${cli.token}`, Version: '2021-07-28' },
				validateStatus: () => true,
			});
			expect(res.status).toBe(200);
			expect(res.data.results.accounts.length).toBeGreaterThanOrEqual(5);
			const users = await axios.get(`${cli.url}/users/`, {
				params: { locationId: cli.locationId },
				headers: { Authorization: `Bearer ${cli.token}`, Version: '2021-07-28' },
			});
			expect(users.data.users.map((u: { id: string }) => u.id)).toContain(cli.userId);
		} finally {
			expect(await cli.stop()).toBe(0);
		}
	});
});
