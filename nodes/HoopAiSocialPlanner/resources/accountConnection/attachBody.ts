import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

/** The fields that are set (undefined left out; the API refuses unknown and null values). */
function defined(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null));
}

function pick(object: unknown, keys: string[]): IDataObject {
	const source = (object && typeof object === 'object' ? object : {}) as IDataObject;
	return defined(Object.fromEntries(keys.map((key) => [key, source[key]])));
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const optionalBool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
const optionalStr = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : String(value));

// AttachGMBLocationLocationDTO and AttachGMBLocationAccountDTO (v3 spec).
const GOOGLE_LOCATION_KEYS = ['name', 'storeCode', 'title', 'storefrontAddress', 'metadata', 'maxLocation', 'isVerified', 'isConnected'];
const GOOGLE_ACCOUNT_KEYS = ['name', 'accountName', 'type', 'verificationState', 'vettedState'];

/**
 * The attach body of one available account (as Get Available Accounts outputs it), exactly the
 * fields the network's DTO documents: facebook `{type, originId, name, avatar}`, instagram
 * `{pageId, originId, name, avatar}`, google `{location, account}`, linkedin
 * `{type, originId, name, avatar, urn}`, and so on (API-NOTES §3.3).
 */
export function attachBody(node: INode, account: IDataObject, which: string): IDataObject {
	const platform = String(account.platform);
	const profile = { originId: str(account.id), name: str(account.name), avatar: str(account.avatar) };
	switch (platform) {
		case 'facebook':
			return { type: 'page', ...profile };
		case 'instagram':
			if (!account.pageId) {
				throw new NodeOperationError(node, `Accounts to Attach: ${which} has no pageId, which Instagram needs`, {
					description: 'Attach the Instagram accounts as Get Available Accounts outputs them (each names the Facebook page it belongs to).',
				});
			}
			return { pageId: str(account.pageId), ...profile };
		case 'google':
			return { location: pick(account.location, GOOGLE_LOCATION_KEYS), account: pick(account.account, GOOGLE_ACCOUNT_KEYS) };
		case 'linkedin':
			return { type: str(account.type || 'page'), ...profile, urn: str(account.urn) };
		case 'tiktok':
			return defined({ type: str(account.type || 'profile'), ...profile, verified: optionalBool(account.verified), username: optionalStr(account.username) });
		case 'youtube':
			return defined({ type: 'profile', ...profile, verified: optionalBool(account.verified), username: optionalStr(account.username) });
		case 'pinterest':
			return defined({
				...profile,
				verified: optionalBool(account.verified),
				username: optionalStr(account.username),
				websiteUrl: optionalStr(account.websiteUrl),
				type: 'profile',
				originAccountType: optionalStr(account.originAccountType),
			});
		case 'threads':
		case 'bluesky':
			return { type: 'profile', ...profile };
		case 'twitter':
			return defined({ ...profile, username: optionalStr(account.username), protected: optionalBool(account.protected), verified: optionalBool(account.verified) });
		default:
			throw new NodeOperationError(node, `Accounts to Attach: ${which} is of the network "${platform}", which cannot be attached`);
	}
}
