import { sessionStep } from './session';

export const start = sessionStep(
	'start',
	{
		name: 'Start',
		action: 'Start a queue edit session',
		description: 'Start a session to change a queue’s items together (or resume the open one); outputs its Session ID',
	},
	false,
);
