import { sessionStep } from './session';

export const save = sessionStep(
	'save',
	{
		name: 'Save',
		action: 'Save a queue edit session',
		description: 'Apply the session’s changes to the queue (a draft queue becomes active unless Keep in Draft)',
	},
	true,
);
