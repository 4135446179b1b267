import { sessionStep } from './session';

export const discard = sessionStep(
	'discard',
	{ name: 'Discard', action: 'Discard a queue edit session', description: 'Drop the session’s changes; the queue stays as it was' },
	true,
);
