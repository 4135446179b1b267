// Every NodeOperationError message the action node can throw, read from its TypeScript source, for
// test/node/error-labels.test.ts. In .js because the strict n8n lint forbids fs and path in .ts.
// Production code is written as it reads best: a label passed down through a closure (an arrow
// inside `map`) or a `.call(this, …)` is followed to the calls that give it.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const NODE_DIR = path.join(REPO_ROOT, 'nodes', 'HoopAiSocialPlanner');

function sourceFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(file);
		return entry.name.endsWith('.ts') ? [file] : [];
	});
}

const isFunction = (node) =>
	ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);

/** A function's name: its own, or that of the variable or property it is assigned to. */
function nameOf(fn) {
	if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
	const parent = fn.parent;
	if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
	return undefined;
}

/** The function whose parameter `identifier` names (the nearest one declaring it), and its index there. */
function parameterOwner(identifier) {
	for (let current = identifier.parent; current; current = current.parent) {
		if (!isFunction(current)) continue;
		const index = current.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === identifier.text);
		if (index >= 0) return { name: nameOf(current), index };
	}
	return undefined;
}

/**
 * The function a call calls, by name, and its arguments lined up with that function's parameters:
 * `f(a)`, and `f.call(this, a)` (TypeScript lists a `this` parameter first, as `.call` passes it).
 */
function calledFunction(call) {
	const callee = call.expression;
	if (ts.isIdentifier(callee)) return callee.text;
	if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'call' && ts.isIdentifier(callee.expression))
		return callee.expression.text;
	return undefined;
}

/**
 * The texts an expression can have: a string, a template (placeholders it cannot resolve stay as
 * `${…}`), a choice between strings, or a parameter of a function, such as the label of
 * `choice(node, label, …)` or the message of `fail(node, message)` — then what every call of
 * that function passes for it.
 */
function texts(expression, context, seen = new Set()) {
	if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
	if (ts.isParenthesizedExpression(expression)) return texts(expression.expression, context, seen);
	if (ts.isConditionalExpression(expression))
		return [...texts(expression.whenTrue, context, seen), ...texts(expression.whenFalse, context, seen)];
	if (ts.isTemplateExpression(expression)) {
		// Only the label (before the first ": ") is followed to its callers; the rest stays `${…}`,
		// so the variants are the labels a message can start with, not every mix of its values.
		let variants = [expression.head.text];
		for (const span of expression.templateSpans) {
			const parts = texts(span.expression, context, seen);
			const unresolved = `\${${span.expression.getText()}}`;
			variants = variants.flatMap((before) =>
				(before.includes(': ') ? [unresolved] : parts).map((part) => before + part + span.literal.text),
			);
		}
		return [...new Set(variants)];
	}
	if (ts.isIdentifier(expression)) {
		const owner = parameterOwner(expression);
		const key = owner && `${owner.name}#${owner.index}`;
		if (owner?.name && !seen.has(key)) {
			const calls = context.callsOf(owner.name);
			const inner = new Set(seen).add(key);
			if (calls.length)
				return calls.flatMap((call) => (call.arguments[owner.index] ? texts(call.arguments[owner.index], context, inner) : []));
		}
	}
	return [`\${${expression.getText()}}`];
}

/** `{ file, line, message }` for each message (one per variant of a built message) of these source files. */
function messagesOf(files) {
	const calls = new Map();
	const throws = [];
	const visit = (node) => {
		const called = ts.isCallExpression(node) ? calledFunction(node) : undefined;
		if (called) calls.set(called, [...(calls.get(called) ?? []), node]);
		if (
			ts.isNewExpression(node) &&
			ts.isIdentifier(node.expression) &&
			node.expression.text === 'NodeOperationError' &&
			node.arguments?.length >= 2
		) {
			throws.push(node);
		}
		ts.forEachChild(node, visit);
	};
	files.forEach(visit);
	const context = { callsOf: (name) => calls.get(name) ?? [] };
	return throws.flatMap((node) => {
		const source = node.getSourceFile();
		const file = path.relative(REPO_ROOT, source.fileName);
		const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
		return texts(node.arguments[1], context).map((message) => ({ file, line, message }));
	});
}

/** Every message of the action node's source. */
function errorMessages() {
	return messagesOf(
		sourceFiles(NODE_DIR).map((file) => ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)),
	);
}

/** The messages of one source text (for the check's own test). */
function messagesOfSource(text) {
	return messagesOf([ts.createSourceFile(path.join(NODE_DIR, 'example.ts'), text, ts.ScriptTarget.ES2022, true)]).map(
		({ message }) => message,
	);
}

module.exports = { errorMessages, messagesOfSource };
