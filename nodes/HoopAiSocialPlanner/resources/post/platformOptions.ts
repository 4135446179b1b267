import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { facebook } from '../../networks/facebook';
import { google } from '../../networks/google';
import { instagram } from '../../networks/instagram';
import { linkedin } from '../../networks/linkedin';
import type { DetailsContext, Network } from '../../networks/network';
import { pinterest } from '../../networks/pinterest';
import { tiktok } from '../../networks/tiktok';
import { youtube } from '../../networks/youtube';

/** Every network with its own options, in the order the editor lists them: by name, to be found at a glance. */
export const NETWORKS: Network[] = [facebook, google, instagram, linkedin, pinterest, tiktok, youtube];

export const platformOptionsField: INodeProperties = {
	displayName: 'Platform Options',
	name: 'platformOptions',
	type: 'fixedCollection',
	placeholder: 'Add Platform Options',
	default: {},
	description:
		'Settings that apply only to the accounts of one network. An option left at its Network Default is not sent, so the network (or the account’s own settings) decides; on Update the post keeps its current value.',
	options: NETWORKS.map((network) => network.options),
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
	for (const network of NETWORKS) {
		const values = platformOptions[network.options.name];
		if (!values) continue;
		body[network.detailsKey] = {
			...network.required(context.postType),
			...(context.current?.[network.detailsKey] as IDataObject | undefined),
			...network.details(values, context),
		};
	}
	return body;
}
