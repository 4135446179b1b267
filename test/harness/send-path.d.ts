export interface SendSettings {
	attemptTimeoutMs: number;
	backoffMs: number;
	maxTransientRetries: number;
	maxRateLimitRetries: number;
	maxRateLimitWaitMs: number;
}
export function sendSettings(): SendSettings;
export function tuneSendSettings(overrides: Partial<SendSettings>): void;
export function restoreSendSettings(): void;
export function forgetRateLimits(): void;
export function forgetLocationTokens(): void;
export interface LocationTokenSettings {
	now: () => number;
	marginMs: number;
}
export function locationTokenSettings(): LocationTokenSettings;
