export interface SecretForm {
	form: string;
	text: string;
}
export function secretForms(secret: string): SecretForm[];
export function safeJson(value: unknown): string;
export function captureLogs(): { lines: string[]; stop(): void };
