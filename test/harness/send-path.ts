// The send path's module state (rate limiters, retry tuning) as the loaded package sees it: the
// same dist/ modules n8n-core's PackageDirectoryLoader requires in this test file.
import { sendSettings } from '../../dist/nodes/HoopAiSocialPlanner/shared/send';
import { forgetRateLimits } from '../../dist/nodes/HoopAiSocialPlanner/shared/rateLimit';

export { forgetRateLimits, sendSettings };

const defaults = { ...sendSettings };

/** Shorter waits for a test (restored by `restoreSendSettings`). */
export function tuneSendSettings(overrides: Partial<typeof sendSettings>): void {
	Object.assign(sendSettings, overrides);
}

export function restoreSendSettings(): void {
	Object.assign(sendSettings, defaults);
}
