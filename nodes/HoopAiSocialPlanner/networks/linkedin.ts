import { compact, toIdList } from '../shared/values';
import { yesNo, yesNoDefault, type Network } from './network';

export const linkedin: Network = {
	detailsKey: 'linkedinPostDetails',
	options: {
		displayName: 'LinkedIn',
		name: 'linkedin',
		values: [
			yesNoDefault('Post Images as PDF', 'postAsPdf', 'Whether to publish the images as a PDF carousel (needs a PDF Title)'),
			{
				displayName: 'PDF Title',
				name: 'pdfTitle',
				type: 'string',
				default: '',
				displayOptions: { show: { postAsPdf: [true] } },
				description: 'Required, up to 100 characters',
			},
			{ displayName: 'Poll Question', name: 'pollQuestion', type: 'string', default: '', description: 'Up to 140 characters; a poll post has no media and no link preview' },
			{ displayName: 'Poll Options', name: 'pollOptions', type: 'string', default: '', description: '2 to 4 comma-separated answers, each up to 30 characters' },
			{
				displayName: 'Poll Duration',
				name: 'pollDuration',
				type: 'options',
				options: [
					{ name: '1 Day', value: 'ONE_DAY' },
					{ name: '3 Days', value: 'THREE_DAYS' },
					{ name: '1 Week', value: 'SEVEN_DAYS' },
					{ name: '2 Weeks', value: 'FOURTEEN_DAYS' },
				],
				default: 'THREE_DAYS',
				description: 'Used with a Poll Question',
			},
		],
	},
	details(values) {
		const question = String(values.pollQuestion ?? '');
		return compact({
			postAsPdf: yesNo(values.postAsPdf),
			// Shown (and sent) only with Post Images as PDF: Yes.
			pdfTitle: yesNo(values.postAsPdf) === true ? values.pdfTitle : undefined,
			poll: question
				? {
						question,
						options: toIdList(values.pollOptions).map((text) => ({ text })),
						settings: { duration: values.pollDuration || 'THREE_DAYS' },
					}
				: undefined,
		});
	},
	// The spec requires both whenever the object is sent; a post that is not a PDF has no PDF title.
	required: () => ({ postAsPdf: false, pdfTitle: '' }),
};
