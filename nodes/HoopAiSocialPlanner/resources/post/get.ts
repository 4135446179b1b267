import type { INodeProperties } from 'n8n-workflow';
import { postLocator, simplifyField } from '../../shared/descriptions';

const showForGet = { resource: ['post'], operation: ['get'] };

export const postGetDescription: INodeProperties[] = [
	{ ...postLocator, displayOptions: { show: showForGet } },
	{ ...simplifyField, displayOptions: { show: showForGet } },
];
