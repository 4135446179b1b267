import type { INodePropertyOptions } from 'n8n-workflow';

/** Social networks the Social Planner connects (`platform` on accounts and posts). */
export const PLATFORM_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Bluesky', value: 'bluesky' },
	{ name: 'Facebook', value: 'facebook' },
	{ name: 'Google Business Profile', value: 'google' },
	{ name: 'Instagram', value: 'instagram' },
	{ name: 'LinkedIn', value: 'linkedin' },
	{ name: 'Pinterest', value: 'pinterest' },
	{ name: 'Threads', value: 'threads' },
	{ name: 'TikTok', value: 'tiktok' },
	{ name: 'TikTok Business', value: 'tiktok-business' },
	{ name: 'X (Twitter)', value: 'twitter' },
	{ name: 'YouTube', value: 'youtube' },
];

/** The networks Statistic → Get reports on (the `platforms` enum of the v3 statistics body). */
export const STATISTICS_PLATFORM_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Facebook', value: 'facebook' },
	{ name: 'Google Business Profile', value: 'google' },
	{ name: 'Instagram', value: 'instagram' },
	{ name: 'LinkedIn (Pages)', value: 'linkedin' },
	{ name: 'Pinterest', value: 'pinterest' },
	{ name: 'TikTok (Business)', value: 'tiktok' },
	{ name: 'YouTube', value: 'youtube' },
];

/** The networks that post a First Comment (`followUpComment` in the v3 spec). */
export const FIRST_COMMENT_PLATFORMS = ['facebook', 'instagram', 'linkedin', 'youtube'];

export function platformName(platform: string): string {
	return PLATFORM_OPTIONS.find((option) => option.value === platform)?.name ?? platform;
}

/** The post formats (`type` of a post; Instagram and Facebook details use the same values). */
export const POST_FORMAT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Post', value: 'post' },
	{ name: 'Reel', value: 'reel' },
	{ name: 'Story', value: 'story' },
];
