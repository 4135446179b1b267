import type { IWorkflowBase } from 'n8n-workflow';

export function failedPostExample(): Pick<IWorkflowBase, 'nodes' | 'connections'>;
