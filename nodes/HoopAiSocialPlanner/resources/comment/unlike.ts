import { likeOperation } from './like';

export const unlike = likeOperation(false, { name: 'Unlike', value: 'unlike', action: 'Unlike a comment' });
