import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {builtinThemeDirectory, builtinThemeNames, chooseThemeName, listThemeNames, loadTheme, themeTokens, validateTheme} from '../../../source/ui/theme/theme.js';

const valid = () => ({name: 'mine', palette: {a: '#112233', b: 'cyanBright', none: 'none'}, tokens: Object.fromEntries(themeTokens.map(token => [token, 'a']))});

describe('themes', () => {
	it('ships default, light, high-contrast and monochrome, all valid', () => {
		for (const name of builtinThemeNames) {
			const theme = loadTheme(name, {directories: [builtinThemeDirectory()]});
			assert.equal(theme.name, name);
			for (const token of themeTokens) assert.ok(token in theme.colors, `${name} lacks ${token}`);
		}
		const mono = loadTheme('monochrome', {directories: [builtinThemeDirectory()]});
		assert.ok(Object.values(mono.colors).every(color => color === undefined), 'monochrome names no colour');
	});

	it('maps tokens through the palette; "none" means the terminal default', () => {
		const theme = validateTheme({...valid(), tokens: {...valid().tokens, accent: 'b', 'status.ok': 'none'}}, 'mine.json');
		assert.equal(theme.colors['text.primary'], '#112233');
		assert.equal(theme.colors.accent, 'cyanBright');
		assert.equal(theme.colors['status.ok'], undefined);
	});

	it('rejects an invalid theme with an error naming the field', () => {
		assert.throws(() => validateTheme({...valid(), palette: {a: 'purpleish'}}, 'x.json'), /theme x\.json: palette\.a "purpleish" is not a colour/);
		const missing = valid();
		delete (missing.tokens as Record<string, string>)['status.error'];
		assert.throws(() => validateTheme(missing, 'x.json'), /tokens\.status\.error is missing/);
		assert.throws(() => validateTheme({...valid(), tokens: {...valid().tokens, accent: 'zz'}}, 'x.json'), /tokens\.accent "zz" is not in the palette/);
		assert.throws(() => validateTheme({...valid(), tokens: {...valid().tokens, 'text.sparkle': 'a'}}, 'x.json'), /tokens\.text\.sparkle is not a token/);
		assert.throws(() => validateTheme([], 'x.json'), /must be a JSON object/);
	});

	it('finds user themes in the config directory first and says where to put a missing one', () => {
		const files: Record<string, string> = {'/cfg/dusk.json': JSON.stringify({...valid(), name: 'dusk'}), '/cfg/bad.json': '{nope'};
		const sources = {directories: ['/cfg', builtinThemeDirectory()], readFile: (path: string) => files[path] ?? (path.startsWith('/cfg') ? undefined : undefined)};
		assert.equal(loadTheme('dusk', sources).name, 'dusk');
		assert.throws(() => loadTheme('bad', sources), /theme \/cfg\/bad\.json: not valid JSON/);
		assert.throws(() => loadTheme('absent', sources), /theme "absent" not found.*add absent\.json to \/cfg/);
		assert.throws(() => loadTheme('../etc/passwd', sources), /not a theme name/);
	});

	it('degrades to monochrome for NO_COLOR and TERM=dumb whatever was asked', () => {
		assert.equal(chooseThemeName({flag: 'light', env: {NO_COLOR: '1'}}), 'monochrome');
		assert.equal(chooseThemeName({flag: 'light', env: {TERM: 'dumb'}}), 'monochrome');
		assert.equal(chooseThemeName({flag: 'light', config: 'high-contrast', env: {TERM: 'screen'}}), 'light');
		assert.equal(chooseThemeName({config: 'high-contrast', env: {}}), 'high-contrast');
		assert.equal(chooseThemeName({env: {NO_COLOR: ''}}), 'default');
	});

	it('lists the built-in themes and the user\'s NAME.json files for :theme', () => {
		const files: Record<string, string[]> = {'/user': ['mine.json', 'notes.txt', 'light.json'], '/builtin': ['default.json']};
		assert.deepEqual(listThemeNames(['/user', '/builtin', '/missing'], directory => files[directory] ?? []), ['default', 'high-contrast', 'light', 'mine', 'monochrome']);
	});
});
