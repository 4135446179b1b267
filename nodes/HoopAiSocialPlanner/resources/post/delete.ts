import type { INodeProperties } from 'n8n-workflow';
import { postLocator } from '../../shared/descriptions';

export const postDeleteDescription: INodeProperties[] = [
	{ ...postLocator, displayOptions: { show: { resource: ['post'], operation: ['delete'] } } },
];
