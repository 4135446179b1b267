export interface SourceMessage {
	file: string;
	line: number;
	message: string;
}

export function errorMessages(): SourceMessage[];
