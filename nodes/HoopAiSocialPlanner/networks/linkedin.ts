import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { compact, splitList } from '../shared/values';
import { entriesOf, profileOf, str } from './connect';
import { detailsOf, mediaOf, yesNo, yesNoDefault, type Network, type PlatformOptions } from './network';

const MAX_PDF_TITLE = 100;
const MAX_POLL_QUESTION = 140;
const MAX_POLL_OPTION = 30;
/** Media of a regular post (the v3 spec); one posted as a PDF takes more. */
const MAX_MEDIA = 9;

function fail(node: INode, message: string, description?: string): never {
	throw new NodeOperationError(node, message, description ? { description } : {});
}

const options: PlatformOptions = {
	detailsKey: 'linkedinPostDetails',
	group: {
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
			{
				displayName: 'Poll Question',
				name: 'pollQuestion',
				type: 'string',
				default: '',
				description: 'Up to 140 characters; a poll post has no media and no link preview',
			},
			{
				displayName: 'Poll Options',
				name: 'pollOptions',
				type: 'string',
				default: '',
				description: '2 to 4 comma-separated answers, each up to 30 characters',
			},
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
						options: splitList(values.pollOptions).map((text) => ({ text })),
						settings: { duration: values.pollDuration || 'THREE_DAYS' },
					}
				: undefined,
		});
	},
	// The spec requires both whenever the object is sent; a post that is not a PDF has no PDF title.
	required: () => ({ postAsPdf: false, pdfTitle: '' }),
	check(node, linkedin) {
		if (linkedin.postAsPdf === true && !linkedin.pdfTitle)
			fail(node, 'LinkedIn → PDF Title: required to post the images as a PDF; give the document a title');
		if (String(linkedin.pdfTitle ?? '').length > MAX_PDF_TITLE) {
			fail(node, `LinkedIn → PDF Title: ${String(linkedin.pdfTitle).length} characters, at most ${MAX_PDF_TITLE} are allowed; shorten it`);
		}
		const poll = linkedin.poll as IDataObject | undefined;
		const pollOptions = (poll?.options as IDataObject[] | undefined) ?? [];
		if (poll && (pollOptions.length < 2 || pollOptions.length > 4)) {
			fail(node, `LinkedIn → Poll Options: ${pollOptions.length} answers, a poll needs 2 to 4; give 2 to 4 answers`);
		}
		if (String(poll?.question ?? '').length > MAX_POLL_QUESTION) {
			fail(
				node,
				`LinkedIn → Poll Question: ${String(poll?.question).length} characters, at most ${MAX_POLL_QUESTION} are allowed; shorten it`,
			);
		}
		const longAnswer = pollOptions.map((option) => String(option.text)).find((answer) => answer.length > MAX_POLL_OPTION);
		if (longAnswer)
			fail(
				node,
				`LinkedIn → Poll Options: "${longAnswer}" has ${longAnswer.length} characters, at most ${MAX_POLL_OPTION} are allowed; shorten it`,
			);
	},
};

export const linkedin: Network = {
	platform: 'linkedin',
	name: 'LinkedIn',
	post: {
		options,
		needsMedia: 'nothing',
		maxMedia: (body) => (detailsOf(body, options.detailsKey)?.postAsPdf === true ? null : MAX_MEDIA),
		maxCaption: null,
		firstComment: true,
		check(node, body) {
			if (
				detailsOf(body, options.detailsKey)?.poll &&
				(mediaOf(body).length > 0 || (body.ogTagsDetails as IDataObject | undefined)?.metaLink)
			) {
				fail(
					node,
					'LinkedIn: a poll post cannot have media or a link preview',
					'Remove the media and the Link Preview, or the Poll Question.',
				);
			}
		},
	},
	comments: { maxLength: 3000, likes: true, maxImages: 0 },
	statistics: { name: 'LinkedIn (Pages)' },
	connect: {
		paths: 'v2',
		loginSegment: 'accounts',
		available: (results) => [...entriesOf(results.pages, 'page'), ...entriesOf(results.profile, 'profile')],
		attachBody: (account) => ({ type: str(account.type || 'page'), ...profileOf(account), urn: str(account.urn) }),
	},
	csvMediaError: 'linkedinError',
};
