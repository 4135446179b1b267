export interface SourceMessage {
	file: string;
	line: number;
	message: string;
}

export function errorMessages(): SourceMessage[];
export function messagesOfSource(text: string): string[];
