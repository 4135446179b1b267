import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { localDateParts } from '../../../shared/dates';
import { compact } from '../values';
import type { Network } from './network';

function dateField(node: INode, values: IDataObject, name: 'startDate' | 'endDate'): IDataObject | undefined {
	const value = String(values[name] ?? '');
	if (!value) return undefined;
	const parts = localDateParts(value);
	if (!parts) throw new NodeOperationError(node, `Google Business Profile ${name === 'startDate' ? 'Start' : 'End'}: "${value}" is not a date`);
	const { year, month, day, hours, minutes, seconds } = parts;
	return name === 'startDate'
		? { startDate: { year, month, day }, startTime: { hours, minutes, seconds } }
		: { endDate: { year, month, day }, endTime: { hours, minutes, seconds } };
}

export const google: Network = {
	detailsKey: 'gmbPostDetails',
	options: {
		displayName: 'Google Business Profile',
		name: 'google',
		values: [
			{
				displayName: 'Button',
				name: 'actionType',
				type: 'options',
				options: [
					{ name: 'Book', value: 'book' },
					{ name: 'Call', value: 'call' },
					{ name: 'Learn More', value: 'learn_more' },
					{ name: 'Network Default', value: '', description: 'Not sent: no button on a new post' },
					{ name: 'No Button', value: 'none' },
					{ name: 'Order', value: 'order' },
					{ name: 'Shop', value: 'shop' },
					{ name: 'Sign Up', value: 'sign_up' },
				],
				default: '',
			},
			{ displayName: 'Button URL', name: 'url', type: 'string', default: '', description: 'Required for every button except No Button and Call' },
			{ displayName: 'Coupon Code', name: 'couponCode', type: 'string', default: '', description: 'Offers: required' },
			{ displayName: 'End', name: 'endDate', type: 'dateTime', default: '', description: 'Events and offers: local end date and time' },
			{ displayName: 'Event Title', name: 'title', type: 'string', default: '', description: 'Events: required, up to 58 characters' },
			{ displayName: 'Offer Title', name: 'offerTitle', type: 'string', default: '', description: 'Offers: required' },
			{
				displayName: 'Post Kind',
				name: 'gmbEventType',
				type: 'options',
				options: [
					{ name: 'Network Default (Standard)', value: '', description: 'A standard update on a new post' },
					{ name: 'Update (Standard)', value: 'STANDARD' },
					{ name: 'Event', value: 'EVENT' },
					{ name: 'Offer', value: 'OFFER' },
				],
				default: '',
			},
			{ displayName: 'Redeem Online URL', name: 'redeemOnlineUrl', type: 'string', default: '', description: 'Offers: required' },
			{ displayName: 'Start', name: 'startDate', type: 'dateTime', default: '', description: 'Events and offers: local start date and time' },
			{ displayName: 'Terms and Conditions URL', name: 'termsConditions', type: 'string', default: '', description: 'Offers: required' },
		],
	},
	details(values, { node }) {
		return compact({
			gmbEventType: values.gmbEventType,
			actionType: values.actionType,
			url: values.url,
			title: values.title,
			offerTitle: values.offerTitle,
			startDate: dateField(node, values, 'startDate'),
			endDate: dateField(node, values, 'endDate'),
			couponCode: values.couponCode,
			redeemOnlineUrl: values.redeemOnlineUrl,
			termsConditions: values.termsConditions,
		});
	},
	required: () => ({ gmbEventType: 'STANDARD' }),
};
