// Prints measured figures from tests and benchmarks (the strict lint forbids console in .ts).
function printFigures(title, figures) {
	const lines = Object.entries(figures).map(([name, value]) => `  ${name}: ${value}`);
	process.stdout.write(`\n${title}\n${lines.join('\n')}\n`);
}

module.exports = { printFigures };
