import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NETWORKS_WITH_OPTIONS } from '../../networks';
import type { DetailsContext } from '../../networks/network';

export const platformOptionsField: INodeProperties = {
	displayName: 'Platform Options',
	name: 'platformOptions',
	type: 'fixedCollection',
	placeholder: 'Add Platform Options',
	default: {},
	description:
		'Settings that apply only to the accounts of one network. An option left at its Network Default is not sent, so the network (or the account’s own settings) decides; on Update the post keeps its current value.',
	// Each network's group, by name (the order of NETWORKS), to be found at a glance.
	options: NETWORKS_WITH_OPTIONS.map((network) => network.post.options.group),
};

export interface PlatformDetailsContext extends DetailsContext {
	/** The post's type (post, reel, story), for the formats that follow it. */
	postType: string;
}

/**
 * The `…PostDetails` body fields of the networks the user added: what the spec requires (with
 * the network's default), under the post's current details, under what the user set.
 */
export function platformDetails(platformOptions: Record<string, IDataObject>, context: PlatformDetailsContext): IDataObject {
	const body: IDataObject = {};
	for (const { post } of NETWORKS_WITH_OPTIONS) {
		const values = platformOptions[post.options.group.name];
		if (!values) continue;
		body[post.options.detailsKey] = {
			...post.options.required(context.postType),
			...(context.current?.[post.options.detailsKey] as IDataObject | undefined),
			...post.options.details(values, context),
		};
	}
	return body;
}
