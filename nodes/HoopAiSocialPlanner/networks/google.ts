import { NodeOperationError, type IDataObject, type INode, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { dateText } from '../shared/checks';
import { localDateParts } from '../shared/dates';
import { compact } from '../shared/values';
import { listOf, pick } from './connect';
import type { Network, PlatformOptions } from './network';

/** Start or End (`label`, as the editor shows it) in the API's shape. */
function dateField(node: INode, values: IDataObject, name: 'startDate' | 'endDate', label: string): IDataObject | undefined {
	const value = dateText(node, `Google Business Profile → ${label}`, values[name]);
	if (!value) return undefined;
	const parts = localDateParts(value);
	if (!parts) {
		throw new NodeOperationError(
			node,
			`Google Business Profile → ${label}: "${value}" is not a date; pick it in the date picker, or write it like 2026-12-01T09:30:00`,
			{
				description: 'It is read as the business’s local time.',
			},
		);
	}
	const { year, month, day, hours, minutes, seconds } = parts;
	return name === 'startDate'
		? { startDate: { year, month, day }, startTime: { hours, minutes, seconds } }
		: { endDate: { year, month, day }, endTime: { hours, minutes, seconds } };
}

// Which Post Kind shows (and sends) which fields. '' is the network default: a standard update.
const EVENT_OR_OFFER = ['EVENT', 'OFFER'];
const WITH_BUTTON = ['', 'STANDARD', 'EVENT'];
const BUTTONS_WITH_URL = ['book', 'order', 'shop', 'learn_more', 'sign_up'];
const forKinds = (kinds: string[]): INodeProperties['displayOptions'] => ({ show: { gmbEventType: kinds } });
const MAX_EVENT_TITLE = 58;

const BUTTONS: INodePropertyOptions[] = [
	{ name: 'Book', value: 'book' },
	{ name: 'Call', value: 'call', description: 'Calls the business’s phone number' },
	{ name: 'Learn More', value: 'learn_more' },
	{ name: 'Network Default', value: '', description: 'Not sent: no button on a new post' },
	{ name: 'No Button', value: 'none' },
	{ name: 'Order', value: 'order' },
	{ name: 'Shop', value: 'shop' },
	{ name: 'Sign Up', value: 'sign_up' },
];

/** A button by its name in the Button dropdown. */
function buttonName(value: string): string {
	return BUTTONS.find((option) => option.value === value)?.name ?? value;
}

function fail(node: INode, message: string): never {
	throw new NodeOperationError(node, message);
}

const options: PlatformOptions = {
	detailsKey: 'gmbPostDetails',
	group: {
		displayName: 'Google Business Profile',
		name: 'google',
		// Alphabetical, as n8n's scanner requires: Post Kind decides which of the others show.
		values: [
			{
				displayName: 'Button',
				name: 'actionType',
				type: 'options',
				options: BUTTONS,
				default: '',
				displayOptions: forKinds(WITH_BUTTON),
				description: 'A button under the post (updates and events)',
			},
			{
				displayName: 'Button URL',
				name: 'url',
				type: 'string',
				default: '',
				displayOptions: { show: { gmbEventType: WITH_BUTTON, actionType: BUTTONS_WITH_URL } },
				description: 'Required: the page the button opens',
			},
			{
				displayName: 'Coupon Code',
				name: 'couponCode',
				type: 'string',
				default: '',
				displayOptions: forKinds(['OFFER']),
				description: 'Required',
			},
			{
				displayName: 'End',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				displayOptions: forKinds(EVENT_OR_OFFER),
				description: 'Required: when it ends, in the business’s local time',
			},
			{
				displayName: 'Event Title',
				name: 'title',
				type: 'string',
				default: '',
				displayOptions: forKinds(['EVENT']),
				description: 'Required, up to 58 characters',
			},
			{
				displayName: 'Offer Title',
				name: 'offerTitle',
				type: 'string',
				default: '',
				displayOptions: forKinds(['OFFER']),
				description: 'Required',
			},
			{
				displayName: 'Post Kind',
				name: 'gmbEventType',
				type: 'options',
				options: [
					{
						name: 'Network Default (Update)',
						value: '',
						description: 'Not sent: a new post is a standard update, an existing one keeps its kind',
					},
					{ name: 'Update', value: 'STANDARD', description: 'News about the business (What’s New)' },
					{ name: 'Event', value: 'EVENT', description: 'An event with a title, a start and an end' },
					{ name: 'Offer', value: 'OFFER', description: 'A promotion with a coupon code, a start and an end' },
				],
				default: '',
				description: 'Choose Event or Offer to see their fields',
			},
			{
				displayName: 'Redeem URL',
				name: 'redeemOnlineUrl',
				type: 'string',
				default: '',
				displayOptions: forKinds(['OFFER']),
				description: 'Required: where customers redeem the offer',
			},
			{
				displayName: 'Start',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				displayOptions: forKinds(EVENT_OR_OFFER),
				description: 'Required: when it starts, in the business’s local time',
			},
			{
				displayName: 'Terms URL',
				name: 'termsConditions',
				type: 'string',
				default: '',
				displayOptions: forKinds(['OFFER']),
				description: 'Required: the page with the offer’s terms and conditions',
			},
		],
	},
	details(values, { node, current }) {
		// Only the fields of the post's kind: those of another kind are hidden in the editor but
		// may still be set (an earlier choice, an expression).
		const currentKind = (current?.gmbPostDetails as IDataObject | undefined)?.gmbEventType;
		const kind = String(values.gmbEventType || currentKind || 'STANDARD');
		const isOffer = kind === 'OFFER';
		const datesApply = EVENT_OR_OFFER.includes(kind);
		const buttonApplies = !isOffer;
		return compact({
			gmbEventType: values.gmbEventType,
			actionType: buttonApplies ? values.actionType : undefined,
			url:
				buttonApplies &&
				BUTTONS_WITH_URL.includes(String(values.actionType || (current?.gmbPostDetails as IDataObject | undefined)?.actionType || ''))
					? values.url
					: undefined,
			title: kind === 'EVENT' ? values.title : undefined,
			offerTitle: isOffer ? values.offerTitle : undefined,
			startDate: datesApply ? dateField(node, values, 'startDate', 'Start') : undefined,
			endDate: datesApply ? dateField(node, values, 'endDate', 'End') : undefined,
			couponCode: isOffer ? values.couponCode : undefined,
			redeemOnlineUrl: isOffer ? values.redeemOnlineUrl : undefined,
			termsConditions: isOffer ? values.termsConditions : undefined,
		});
	},
	required: () => ({ gmbEventType: 'STANDARD' }),
	check(node, gmb) {
		const kind = gmb.gmbEventType === 'EVENT' ? 'an event' : gmb.gmbEventType === 'OFFER' ? 'an offer' : undefined;
		if (gmb.gmbEventType === 'EVENT' && !gmb.title)
			fail(node, 'Google Business Profile → Event Title: required for an event; give the event a title');
		if (gmb.gmbEventType === 'OFFER' && !gmb.offerTitle)
			fail(node, 'Google Business Profile → Offer Title: required for an offer; give the offer a title');
		if (kind && !gmb.startDate) fail(node, `Google Business Profile → Start: required for ${kind}; set when it starts`);
		if (kind && !gmb.endDate) fail(node, `Google Business Profile → End: required for ${kind}; set when it ends`);
		if (gmb.gmbEventType === 'OFFER') {
			if (!gmb.couponCode) fail(node, 'Google Business Profile → Coupon Code: required for an offer; give the code customers use');
			if (!gmb.redeemOnlineUrl)
				fail(node, 'Google Business Profile → Redeem URL: required for an offer; give the link where the offer is redeemed');
			if (!gmb.termsConditions)
				fail(node, 'Google Business Profile → Terms URL: required for an offer; give the link to its terms and conditions');
		}
		if (gmb.actionType && !['none', 'call'].includes(String(gmb.actionType)) && !gmb.url) {
			fail(
				node,
				`Google Business Profile → Button URL: required for the button "${buttonName(String(gmb.actionType))}"; give the link the button opens`,
			);
		}
		if (gmb.gmbEventType === 'EVENT' && String(gmb.title ?? '').length > MAX_EVENT_TITLE) {
			fail(
				node,
				`Google Business Profile → Event Title: ${String(gmb.title).length} characters, at most ${MAX_EVENT_TITLE} are allowed; shorten it`,
			);
		}
	},
};

// AttachGMBLocationLocationDTO and AttachGMBLocationAccountDTO (v3 spec).
const LOCATION_KEYS = ['name', 'storeCode', 'title', 'storefrontAddress', 'metadata', 'maxLocation', 'isVerified', 'isConnected'];
const ACCOUNT_KEYS = ['name', 'accountName', 'type', 'verificationState', 'vettedState'];

export const google: Network = {
	platform: 'google',
	name: 'Google Business Profile',
	post: { options, needsMedia: 'nothing', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: null,
	statistics: { name: 'Google Business Profile' },
	connect: {
		paths: 'v2',
		loginSegment: 'locations',
		// One Business Profile location per entry, with the Google account it belongs to.
		available: (results) =>
			listOf(results.locations).map((entry) => {
				const location = (entry.location ?? {}) as IDataObject;
				return {
					entry,
					type: 'location',
					fields: { id: location.name, name: location.title ?? location.name, avatar: '', isConnected: location.isConnected },
				};
			}),
		attachBody: (account) => ({ location: pick(account.location, LOCATION_KEYS), account: pick(account.account, ACCOUNT_KEYS) }),
	},
	csvMediaError: 'gmbError',
};
