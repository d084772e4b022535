#!/usr/bin/env node
/**
 * Builds dist/ with esbuild: `dist/cli.js` and the chart child `dist/chart/chart-process.js`,
 * with every dynamic import (subcommands, the console, engine actions) its own chunk.
 *
 * Why a bundle: Node loads Ink, React and their ~400 modules one file at a time, ~0.7 s of a
 * core before the console can paint; one file per chunk loads in a fraction of that (figures in
 * README, "first paint"). Type checking stays with `tsc --noEmit`.
 *
 * Kept external (loaded from node_modules at run time): dockerode (ssh2 carries optional
 * native add-ons a bundle cannot hold), blessed and blessed-contrib (loaded only by the chart
 * child, and blessed requires its terminfo files by path), and react-devtools-core (only under
 * DEV=true, in a chunk nobody loads otherwise).
 *
 * DECKHAND_BUNDLE_NAMES=1 leaves the output unminified, so `node --cpu-prof` shows names.
 * DECKHAND_INK_OUTPUT=ink builds with Ink's own frame builder (to compare).
 */
import {rmSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {createRequire} from 'node:module';
import {build} from 'esbuild';

// Ink's Output with the console's fast frame in front (source/ui/ink-frame.ts says why and
// when it steps aside): Ink's renderer imports './output.js', which resolves to this module.
const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const fastOutput = {
	name: 'deckhand-fast-output',
	setup(builder) {
		builder.onResolve({filter: /^\.\/output\.js$/}, args => (args.importer === join(inkBuild, 'renderer.js') ? {path: 'ink-output', namespace: 'deckhand'} : undefined));
		builder.onLoad({filter: /^ink-output$/, namespace: 'deckhand'}, () => ({
			resolveDir: process.cwd(),
			contents: [
				`import InkOutput from ${JSON.stringify(join(inkBuild, 'output.js'))};`,
				`import {composeFrame} from ${JSON.stringify(resolve('source/ui/ink-frame.ts'))};`,
				'export default class Output extends InkOutput {',
				'\tget() {',
				'\t\tconst output = composeFrame(this.operations, this.width, this.height);',
				'\t\treturn output === undefined ? super.get() : {output, height: this.height};',
				'\t}',
				'}',
			].join('\n'),
		}));
	},
};

rmSync('dist', {recursive: true, force: true});
await build({
	entryPoints: [
		{in: 'cli.tsx', out: 'cli'},
		{in: 'source/ui/chart/chart-process.ts', out: 'chart/chart-process'},
	],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// Chunks: dist/chunks/NAME-HASH.js, beside nothing else a module looks for by path.
	chunkNames: 'chunks/[name]-[hash]',
	external: ['dockerode', 'blessed', 'blessed-contrib', 'react-devtools-core'],
	// React's production build only; run-console.tsx still sets NODE_ENV for runs from source
	// (that assignment is what esbuild would warn about).
	define: {'process.env.NODE_ENV': '"production"'},
	logOverride: {'assign-to-define': 'silent'},
	minify: process.env.DECKHAND_BUNDLE_NAMES !== '1',
	// CommonJS dependencies inside an ES module bundle still call require().
	banner: {js: "import {createRequire as __deckhandRequire} from 'node:module'; const require = __deckhandRequire(import.meta.url);"},
	legalComments: 'none',
	plugins: process.env.DECKHAND_INK_OUTPUT === 'ink' ? [] : [fastOutput],
	logLevel: 'warning',
});
