import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { accountIdsOf, accountReferences } from '../../shared/accounts';
import type { LocationScope } from '../../shared/run';
import { parseJsonBody, postInputToBody, type PostInput } from './postInput';

export const ACCOUNTS_LABEL = 'Account Names or IDs';

/**
 * The API body of a new post's fields (Create, a queue item's post). First every check that needs
 * no request, on the body with the accounts as given (`checkFirst` adds the caller's own); then the
 * accounts, by name or ID, matched against the location's (read once per run).
 */
export async function postBodyOf(
	this: IExecuteFunctions,
	input: PostInput,
	scope: LocationScope,
	checkFirst: (unresolved: IDataObject) => void,
): Promise<IDataObject> {
	const node = this.getNode();
	const workflowTimezone = this.getTimezone();
	const references = accountReferences(node, ACCOUNTS_LABEL, input.accountIds);
	const extraFields = parseJsonBody(node, input.jsonBody);
	// The references stand in for the IDs, so that per-account details are checked too.
	checkFirst({
		...postInputToBody({ ...input, accountIds: references }, { node, workflowTimezone, accountIds: references }),
		...extraFields,
	});
	const accountIds = await accountIdsOf.call(this, ACCOUNTS_LABEL, references, { scope });
	return { ...postInputToBody(input, { node, workflowTimezone, accountIds }), ...extraFields };
}
