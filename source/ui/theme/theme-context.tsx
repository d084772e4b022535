/**
 * The theme in force, given to every component through context so they ask for a token
 * (`status.error`) and never name a colour.
 */
import {createContext, useContext} from 'react';
import type {Theme, ThemeToken} from './theme.js';

const monochrome: Theme = {
	name: 'monochrome',
	colors: {
		'text.primary': undefined, 'text.muted': undefined, 'text.title': undefined, 'border.focused': undefined,
		'border.unfocused': undefined, 'status.ok': undefined, 'status.warning': undefined, 'status.error': undefined,
		'status.info': undefined, accent: undefined, 'chart.cpu': undefined, 'chart.memory': undefined,
	},
};

/** The built-in fallback: no colours at all (also what tests render with unless told). */
export const monochromeTheme: Theme = monochrome;

/** React context holding the current theme. */
export const ThemeContext = createContext<Theme>(monochrome);

/** The colour for a token in the current theme (undefined: terminal default). */
export function useColor(): (token: ThemeToken) => string | undefined {
	const theme = useContext(ThemeContext);
	return (token: ThemeToken) => theme.colors[token];
}
