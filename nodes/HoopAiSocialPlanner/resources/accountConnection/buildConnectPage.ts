import {
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { choices, isLink, linkList, text, wholeNumber } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { platformName } from '../../networks';
import { runOf } from '../../shared/run';
import type { Operation } from '../resource';
import { nonceKey, signNonce } from './connectNonce';
import { PAGE_NETWORK_OPTIONS, PAGE_NETWORKS } from './connectPage';
import { connectPageHtml } from './connectPageHtml';
import { connectLink, connectUserOf, reconnectOption } from './getConnectUrl';
import { START_ROUTES } from './platforms';

const show = { resource: ['accountConnection'], operation: ['buildConnectPage'] };

const DEFAULT_TITLE = 'Connect your social accounts';
const DEFAULT_INTRO =
	'Click a network, log in and allow access. The pages and profiles you allow are added to our social planner right away.';
const HOUR = 60 * 60 * 1000;

/** Its own fields, in two parts: User Name or ID (Get Connect URL's) comes between them in the editor. */
export const buildConnectPageLinkFields: INodeProperties[] = [
	{
		displayName: 'Networks',
		name: 'pageNetworks',
		type: 'multiOptions',
		options: PAGE_NETWORK_OPTIONS,
		default: [...PAGE_NETWORKS],
		required: true,
		displayOptions: { show },
		description:
			'One button per network, in this order. X (Twitter), Bluesky and TikTok Business are not offered: the API cannot connect or attach them.',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		placeholder: 'e.g. https://n8n.example.com/webhook/hoopai-connect-callback',
		description:
			'The Production URL of the Webhook (POST) node of the workflow that attaches the accounts: Webhook → Get Available Accounts → Attach Accounts → Respond to Webhook. The page posts each login there and shows what it answers.',
	},
];

export const buildConnectPageLookFields: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'pageTitle',
		type: 'string',
		default: DEFAULT_TITLE,
		displayOptions: { show },
	},
	{
		displayName: 'Agency Name',
		name: 'agencyName',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. Hoop Marketing',
		description: 'Shown at the top of the page, and in its messages ("Please tell Hoop Marketing")',
	},
	{
		displayName: 'Logo URL',
		name: 'logoUrl',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. https://hoopmarketing.example/logo.png',
		description: 'A public image link (http:// or https://) shown beside the agency name',
	},
	{
		displayName: 'Options',
		name: 'pageOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Allowed Message Origins',
				name: 'messageOrigins',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://app.hoopai.com',
				description:
					'Comma-separated. The page takes the connect window’s answer only from the API host of the credential; add the origin the answer comes from if your white-label HoopAI answers from another (the page then names it).',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: 'connect.html',
			},
			{
				displayName: 'Intro Text',
				name: 'intro',
				type: 'string',
				typeOptions: { rows: 2 },
				default: DEFAULT_INTRO,
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'The name of the output binary field to put the page in, for Respond to Webhook → Respond With: Binary File',
			},
			reconnectOption,
			{
				displayName: 'Valid For (Hours)',
				name: 'validHours',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 720 },
				default: 24,
				description: 'How long after it was served the page can still attach accounts. Opening the link again serves a new page.',
			},
		],
	},
];

/** The origins the connect window may answer from: the API host's, and those the user adds. */
function messageOrigins(baseUrl: string, extra: string[]): string[] {
	return [...new Set([baseUrl, ...extra].map((link) => new URL(link).origin))];
}

/**
 * Build Connect Page sends nothing: it writes a page (text and binary) that a Respond to Webhook
 * node serves to the client. Each button opens that network's connect link (Get Connect URL's);
 * the page posts the login it gets back, with a nonce only this credential can make, to the
 * callback. Declared routes: the start links it builds.
 */
const buildConnectPage = withRoutes(async function buildConnectPage(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const run = runOf(this);
	const firstScope = await run.scope();
	const key = await nonceKey.call(this, firstScope.connection);
	const files = new Map<number, IBinaryKeyData>();
	const [items] = await runForEachItem.call(this, async (itemIndex): Promise<IDataObject> => {
		const platforms = choices(node, 'Networks', this.getNodeParameter('pageNetworks', itemIndex, PAGE_NETWORKS), PAGE_NETWORK_OPTIONS);
		if (!platforms.length) throw new NodeOperationError(node, 'Networks: none chosen; choose at least one network for the page');
		const callbackUrl = text(node, 'Callback URL', this.getNodeParameter('callbackUrl', itemIndex, '')).trim();
		if (!isLink(callbackUrl)) {
			throw new NodeOperationError(
				node,
				`Callback URL: ${callbackUrl ? `"${callbackUrl}" is not a link (http:// or https://)` : 'required'}; give the Production URL of the Webhook (POST) node that attaches the accounts`,
				{
					description:
						'The connect page posts what the client connected there; that workflow attaches it (Attach Accounts, From the Connect Page).',
				},
			);
		}
		const scope = await run.scope(itemIndex);
		const userId = connectUserOf(node, scope, this.getNodeParameter('connectUserId', itemIndex, ''));
		const logoUrl = text(node, 'Logo URL', this.getNodeParameter('logoUrl', itemIndex, '')).trim();
		if (logoUrl && !isLink(logoUrl))
			throw new NodeOperationError(
				node,
				`Logo URL: "${logoUrl}" is not a link; give a public https:// link to the image, or leave it empty`,
			);
		const options = this.getNodeParameter('pageOptions', itemIndex, {}) as IDataObject;
		const hours = wholeNumber(node, 'Options → Valid For (Hours)', options.validHours ?? 24, 1, 720);
		const expiresAt = new Date(Date.now() + hours * HOUR);
		const networks = platforms.map((platform) => ({
			platform,
			name: platformName(platform),
			url: connectLink(scope, platform, userId, { reconnect: options.reconnect === true }),
		}));
		const html = connectPageHtml({
			title: text(node, 'Title', this.getNodeParameter('pageTitle', itemIndex, DEFAULT_TITLE)).trim() || DEFAULT_TITLE,
			intro: text(node, 'Options → Intro Text', options.intro ?? DEFAULT_INTRO).trim(),
			agencyName: text(node, 'Agency Name', this.getNodeParameter('agencyName', itemIndex, '')).trim(),
			logoUrl,
			networks,
			callbackUrl,
			nonce: signNonce(key, scope.locationId, expiresAt.getTime()),
			origins: messageOrigins(scope.connection.baseUrl, linkList(node, 'Options → Allowed Message Origins', options.messageOrigins ?? '')),
			expiresAt,
		});
		const field = text(node, 'Options → Put Output File in Field', options.binaryPropertyName ?? 'data').trim() || 'data';
		const fileName = text(node, 'Options → File Name', options.fileName ?? 'connect.html').trim() || 'connect.html';
		files.set(itemIndex, { [field]: await this.helpers.prepareBinaryData(Buffer.from(html, 'utf8'), fileName, 'text/html') });
		return {
			html,
			networks: platforms,
			links: Object.fromEntries(networks.map((network) => [network.platform, network.url])),
			callbackUrl,
			locationId: scope.locationId,
			userId,
			expiresAt: expiresAt.toISOString(),
		};
	});
	for (const item of items) {
		const index = (item.pairedItem as { item: number }).item;
		if (files.has(index)) item.binary = files.get(index);
	}
	return [items];
}, START_ROUTES);

export const buildConnectPageOperation: Operation = {
	option: {
		name: 'Build Connect Page',
		value: 'buildConnectPage',
		action: 'Build a connect page for a client',
		description:
			'Write a web page with one button per network that attaches what the client connects, for Respond to Webhook (nothing is sent)',
	},
	run: buildConnectPage,
};
