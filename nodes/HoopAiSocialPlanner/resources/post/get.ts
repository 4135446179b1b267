import type { INodeProperties } from 'n8n-workflow';
import { simplifyField } from '../../shared/descriptions';

const showForGet = { resource: ['post'], operation: ['get'] };

export const postGetDescription: INodeProperties[] = [
	{ ...simplifyField, displayOptions: { show: showForGet } },
];
