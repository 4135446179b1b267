import type { IWorkflowBase } from 'n8n-workflow';
import type { PublicClasses, Surface } from './surface';

export const EXAMPLES_DIR: string;
export function exampleWorkflows(): Array<{ file: string; workflow: IWorkflowBase }>;
export function workflowProblems(
	workflow: Pick<IWorkflowBase, 'nodes'>,
	surface: Surface,
	loaded: PublicClasses,
	packageName: string,
): string[];
