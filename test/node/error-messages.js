// Every NodeOperationError message the action node can throw, read from its TypeScript source, for
// test/node/error-labels.test.ts. In .js because the strict n8n lint forbids fs and path in .ts.
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

/** The function (declaration, expression or arrow) a node is inside, with its name when it has one. */
function enclosingFunction(node) {
	for (let current = node.parent; current; current = current.parent) {
		if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isArrowFunction(current)) {
			let name = current.name?.text;
			if (!name && ts.isVariableDeclaration(current.parent) && ts.isIdentifier(current.parent.name)) name = current.parent.name.text;
			return { fn: current, name };
		}
	}
	return undefined;
}

/**
 * The texts an expression can have: a string, a template (placeholders it cannot resolve stay as
 * `${…}`), a choice between strings, or a parameter of a message builder such as
 * `fail(node, message)` — then what every call of the builder passes for it.
 */
function texts(expression, context) {
	if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
	if (ts.isParenthesizedExpression(expression)) return texts(expression.expression, context);
	if (ts.isConditionalExpression(expression)) return [...texts(expression.whenTrue, context), ...texts(expression.whenFalse, context)];
	if (ts.isTemplateExpression(expression)) {
		let variants = [expression.head.text];
		for (const span of expression.templateSpans) {
			const parts = texts(span.expression, context);
			variants = variants.flatMap((before) => parts.map((part) => before + part + span.literal.text));
		}
		return variants;
	}
	if (ts.isIdentifier(expression)) {
		const outer = enclosingFunction(expression);
		const index = outer?.fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === expression.text) ?? -1;
		if (outer?.name && index >= 0) {
			const calls = context.callsOf(outer.name);
			if (calls.length) return calls.flatMap((call) => (call.arguments[index] ? texts(call.arguments[index], context) : []));
		}
	}
	return [`\${${expression.getText()}}`];
}

/** `{ file, line, message }` for each message (one per variant of a built message). */
function errorMessages() {
	const files = sourceFiles(NODE_DIR).map((file) => ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));
	const calls = new Map();
	const throws = [];
	const visit = (node) => {
		if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
			const list = calls.get(node.expression.text) ?? [];
			list.push(node);
			calls.set(node.expression.text, list);
		}
		if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'NodeOperationError' && node.arguments?.length >= 2) {
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

module.exports = { errorMessages };
