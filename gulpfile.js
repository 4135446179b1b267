// `npm run build` compiles TypeScript with tsc, then this copies what tsc does not emit:
// the node and credential icons and any __schema__ JSON, keeping their paths under dist/.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
exports.default = buildIcons;
