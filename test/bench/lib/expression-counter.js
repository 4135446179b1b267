'use strict';
// Preloaded into n8n (NODE_OPTIONS=--require <this file>) by `npm run bench:n8n`: counts the
// expressions n8n evaluates, per node, in the n8n process itself.
//
// It patches every copy of n8n-workflow's CommonJS build that the process loads (a hook on
// Module.prototype.load sees each file as it loads, whichever folder it comes from):
//  - WorkflowExpression.prototype.resolveSimpleParameterValue: counted when the value is an
//    expression (a string starting with '='), keyed by its `activeNodeName` argument;
//  - Expression.prototype.resolveSimpleParameterValue: counted only when not called from the
//    method above (an evaluation outside a node's parameter resolution), under "(no node)".
// At exit it writes <HOOPAI_BENCH_COUNTER_DIR>/counts-<pid>.json: counts per node, per node and
// expression text (with the callers of its first 8 evaluations, from stack traces), which files it
// patched, and the expression engine n8n selected (Expression.expressionEngine, and whether the vm
// evaluator started).
//
// Harmless elsewhere: without HOOPAI_BENCH_COUNTER_DIR it does nothing; a process that never
// loads n8n-workflow (a task runner, npm) writes nothing. n8n 2.x does not pass NODE_OPTIONS to its
// task runners anyway (their environment is an allowlist), but nothing here depends on that.
const dir = process.env.HOOPAI_BENCH_COUNTER_DIR;

if (dir) {
	const Module = require('module');
	const fs = require('fs');
	const path = require('path');

	const FILE_PATTERN = /[\\/]n8n-workflow[\\/]dist[\\/]cjs[\\/](workflow-expression|expression)\.js$/;
	const NO_NODE = '(no node)';
	const byNode = Object.create(null);
	const patchedFiles = [];
	const expressionClasses = [];
	let insideWorkflowExpression = 0;

	const isExpression = (value) => typeof value === 'string' && value.charAt(0) === '=';

	/** Who evaluated it: the frames below the patched method, as "function (file:line)", package-relative. */
	function caller() {
		const limit = Error.stackTraceLimit;
		Error.stackTraceLimit = 24;
		const stack = new Error().stack;
		Error.stackTraceLimit = limit;
		// 0 "Error", 1 caller, 2 count, 3 the patched method, then who called it.
		return String(stack)
			.split('\n')
			.slice(4, 22)
			.map((line) =>
				line
					.trim()
					.replace(/^at /, '')
					.replace(/\/.*\/node_modules\//, ''),
			)
			.join(' < ');
	}

	// Stack traces are taken for the first SAMPLED evaluations of each (node, expression) only, so
	// the counter costs next to nothing in a measured run.
	const SAMPLED = 8;

	function count(nodeName, expression) {
		const key = nodeName === undefined || nodeName === null || nodeName === '' ? NO_NODE : String(nodeName);
		const node = (byNode[key] ??= { total: 0, expressions: Object.create(null) });
		node.total += 1;
		const text = expression.length > 300 ? `${expression.slice(0, 300)}…` : expression;
		const entry = (node.expressions[text] ??= { count: 0, callers: Object.create(null) });
		entry.count += 1;
		if (entry.count <= SAMPLED) {
			const where = caller();
			entry.callers[where] = (entry.callers[where] ?? 0) + 1;
		}
	}

	function patchWorkflowExpression(WorkflowExpression, file) {
		const proto = WorkflowExpression && WorkflowExpression.prototype;
		if (!proto || typeof proto.resolveSimpleParameterValue !== 'function' || proto.__hoopaiCounted) return;
		const original = proto.resolveSimpleParameterValue;
		// Arguments: (parameterValue, siblingParameters, runExecutionData, runIndex, itemIndex,
		// activeNodeName, …); n8n-workflow 2.x.
		proto.resolveSimpleParameterValue = function (parameterValue, ...rest) {
			if (!isExpression(parameterValue)) return original.call(this, parameterValue, ...rest);
			count(rest[4], parameterValue);
			insideWorkflowExpression += 1;
			try {
				return original.call(this, parameterValue, ...rest);
			} finally {
				insideWorkflowExpression -= 1;
			}
		};
		Object.defineProperty(proto, '__hoopaiCounted', { value: true });
		patchedFiles.push(`${file} (WorkflowExpression)`);
	}

	function patchExpression(Expression, file) {
		const proto = Expression && Expression.prototype;
		if (!proto || typeof proto.resolveSimpleParameterValue !== 'function' || proto.__hoopaiCounted) return;
		const original = proto.resolveSimpleParameterValue;
		proto.resolveSimpleParameterValue = function (parameterValue, ...rest) {
			if (insideWorkflowExpression === 0 && isExpression(parameterValue)) count(NO_NODE, parameterValue);
			return original.call(this, parameterValue, ...rest);
		};
		Object.defineProperty(proto, '__hoopaiCounted', { value: true });
		expressionClasses.push(Expression);
		patchedFiles.push(`${file} (Expression)`);
	}

	const originalLoad = Module.prototype.load;
	Module.prototype.load = function (filename, ...rest) {
		const result = originalLoad.call(this, filename, ...rest);
		const match = FILE_PATTERN.exec(String(filename));
		if (match) {
			try {
				if (match[1] === 'workflow-expression') patchWorkflowExpression(this.exports.WorkflowExpression, filename);
				else patchExpression(this.exports.Expression, filename);
			} catch (error) {
				process.stderr.write(`[bench counter] could not patch ${filename}: ${error.message}\n`);
			}
		}
		return result;
	};

	process.on('exit', () => {
		if (patchedFiles.length === 0 && Object.keys(byNode).length === 0) return;
		const engines = expressionClasses.map((Expression) => ({
			expressionEngine: Expression.expressionEngine,
			vmEvaluatorStarted: Boolean(Expression.vmEvaluator),
		}));
		const report = { pid: process.pid, argv: process.argv.slice(1), patchedFiles, engines, byNode };
		try {
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, `counts-${process.pid}.json`), JSON.stringify(report, null, 1));
		} catch (error) {
			process.stderr.write(`[bench counter] could not write counts: ${error.message}\n`);
		}
	});
}
