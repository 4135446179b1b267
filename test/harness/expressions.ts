import { WorkflowExpression } from 'n8n-workflow';

type Resolve = (this: WorkflowExpression, value: unknown, ...rest: unknown[]) => unknown;

export interface ExpressionCount {
	/** Expressions n8n evaluated (parameter values, routing templates, credential templates). */
	total: number;
	/** How often each expression text was evaluated. */
	byText: Map<string, number>;
}

/**
 * Counts the expressions n8n-core evaluates while `run` runs: every value starting with "=" that
 * goes through WorkflowExpression.resolveSimpleParameterValue, the one door node parameters,
 * routing templates and generic credential templates all pass (n8n-workflow 2.41).
 */
export async function countExpressions<T>(run: () => Promise<T>): Promise<{ result: T; count: ExpressionCount }> {
	const prototype = WorkflowExpression.prototype as unknown as { resolveSimpleParameterValue: Resolve };
	const original = prototype.resolveSimpleParameterValue;
	const count: ExpressionCount = { total: 0, byText: new Map() };
	prototype.resolveSimpleParameterValue = function (this: WorkflowExpression, value: unknown, ...rest: unknown[]) {
		if (typeof value === 'string' && value.startsWith('=')) {
			count.total++;
			count.byText.set(value, (count.byText.get(value) ?? 0) + 1);
		}
		return original.call(this, value, ...rest);
	};
	try {
		return { result: await run(), count };
	} finally {
		prototype.resolveSimpleParameterValue = original;
	}
}
