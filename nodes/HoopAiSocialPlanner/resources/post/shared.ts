import { locationPath } from '../../shared/request';

// What Get, Delete and Update share: a post's path and its Post field's label.
export const POST_PATH = locationPath('/posts/{postId}');
export const POST_ID = { postId: 'Post' };
