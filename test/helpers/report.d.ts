export function printFigures(title: string, figures: Record<string, string | number>): void;
