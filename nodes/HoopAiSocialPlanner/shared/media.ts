/** MIME types the API accepts for post media (PostMediaSchema.type in the v3 spec). */
export const MEDIA_TYPES = ['image/jpeg', 'image/jpg', 'image/png', 'image/gif', 'video/mp4', 'video/mov', 'video/webm'] as const;

const TYPE_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	mp4: 'video/mp4',
	mov: 'video/mov',
	webm: 'video/webm',
};

// What the API itself sometimes returns in `type`, mapped back to a MIME type it accepts.
const TYPE_BY_KIND: Record<string, string> = { image: 'image/jpeg', video: 'video/mp4', 'video/quicktime': 'video/mov' };

export function isMediaType(type: string): boolean {
	return (MEDIA_TYPES as readonly string[]).includes(type);
}

/** The MIME type a media URL's file extension stands for, if the API accepts it. */
export function mediaTypeFromUrl(url: string): string | undefined {
	const path = url.split(/[?#]/)[0];
	const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
	return extension ? TYPE_BY_EXTENSION[extension] : undefined;
}

/** A media `type` as the API wants it back: a real MIME type, inferred when missing or loose. */
export function normaliseMediaType(type: string | undefined, url: string): string | undefined {
	if (type && isMediaType(type)) return type;
	return mediaTypeFromUrl(url) ?? (type ? TYPE_BY_KIND[type] : undefined);
}

export function isVideo(type: string | undefined): boolean {
	return typeof type === 'string' && type.startsWith('video/');
}
