import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {parseDockerfile} from '../../../source/engine/dockerfile/parse.js';
import {UsageError} from '../../../source/engine/errors.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/doctor/dockerfile');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

/** keyword, first line, last line, args: the shape most assertions need. */
const outline = (text: string) => parseDockerfile(text, 'Dockerfile').instructions.map(i => [i.keyword, i.line, i.endLine, i.args]);

const rejects = (text: string, message: string) =>
	assert.throws(() => parseDockerfile(text, 'Dockerfile'), (error: unknown) => error instanceof UsageError && error.message === message);

describe('parseDockerfile', () => {
	it('joins backslash continuations, dropping comment and empty lines inside them, and keeps line spans', () => {
		const text = 'FROM alpine:3.20\n# a comment\nRUN apk add \\\n  # inner comment\n  curl \\\n\n  git\ncmd ["/app"]\n';
		assert.deepEqual(outline(text), [
			['FROM', 1, 1, 'alpine:3.20'],
			['RUN', 3, 7, 'apk add   curl   git'],
			['CMD', 8, 8, '["/app"]'],
		]);
	});

	it('reads parser directives; with escape=` a trailing backslash is text and backtick continues', () => {
		const parsed = parseDockerfile(read('parser-features.Dockerfile'), 'p');
		assert.equal(parsed.escape, '`');
		assert.deepEqual(parsed.directives, {escape: '`', syntax: 'docker/dockerfile:1.7'});
		assert.deepEqual(parsed.instructions.slice(0, 3).map(i => [i.keyword, i.line, i.endLine, i.args]), [
			['FROM', 5, 5, 'alpine AS base'],
			['RUN', 6, 6, 'echo C:\\'],
			['RUN', 7, 11, 'apk add     curl     git'],
		]);
	});

	it('attaches heredoc bodies (plain, <<- with tabs stripped, quoted, several per line) and resumes after them', () => {
		const parsed = parseDockerfile(read('parser-features.Dockerfile'), 'p');
		const rest = parsed.instructions.slice(3);
		assert.deepEqual(rest.map(i => [i.keyword, i.line, i.endLine]), [
			['RUN', 12, 15],
			['COPY', 16, 18],
			['RUN', 19, 23],
			['USER', 24, 24],
			['CMD', 25, 25],
		]);
		assert.deepEqual(rest[0]!.heredocs, [{marker: 'EOF', line: 13, body: 'apt-get update\napt-get install -y gcc'}]);
		assert.deepEqual(rest[1]!.heredocs, [{marker: 'CONF', line: 17, body: 'key=value'}]);
		assert.deepEqual(rest[2]!.heredocs.map(h => [h.marker, h.body]), [['ONE', 'echo one'], ['TWO', 'echo two']]);
	});

	it('tells exec form from shell form and splits leading flags', () => {
		const parsed = parseDockerfile('FROM --platform=linux/amd64 alpine:3.20 AS Base\nRUN --mount=type=cache,target=/root/.cache --network=none make\nCMD ["node", "server.js"]\nENTRYPOINT [not json\n', 'D');
		const [from, run, cmd, entrypoint] = parsed.instructions;
		assert.deepEqual(from!.flags, {platform: 'linux/amd64'});
		assert.deepEqual(parsed.stages.map(s => [s.name, s.base, s.line]), [['base', 'alpine:3.20', 1]]);
		assert.deepEqual([run!.flags, run!.args, run!.exec], [{mount: 'type=cache,target=/root/.cache', network: 'none'}, 'make', undefined]);
		assert.deepEqual(cmd!.exec, ['node', 'server.js']);
		assert.equal(entrypoint!.exec, undefined);
	});

	it('splits stages at FROM, with ARGs before the first FROM belonging to none', () => {
		const parsed = parseDockerfile('ARG V=1\nFROM alpine:3.20 AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n', 'D');
		assert.deepEqual(parsed.stages.map(s => [s.index, s.name, s.base, s.instructions.map(i => i.keyword)]), [
			[0, 'build', 'alpine:3.20', ['FROM', 'RUN']],
			[1, undefined, 'scratch', ['FROM', 'COPY']],
		]);
		assert.equal(parsed.instructions.length, 5);
	});

	it('handles CRLF line endings and a byte-order mark', () => {
		assert.deepEqual(outline('\uFEFFFROM alpine:3.20\r\nRUN a \\\r\n b\r\n'), [['FROM', 1, 1, 'alpine:3.20'], ['RUN', 2, 3, 'a  b']]);
	});

	it('rejects truly invalid input with file:line', () => {
		assert.throws(() => parseDockerfile(read('unknown-instruction.Dockerfile'), 'u.Dockerfile'), (e: unknown) => e instanceof UsageError && e.message === 'u.Dockerfile:4: unknown instruction "FORM"');
		assert.throws(() => parseDockerfile(read('unclosed-heredoc.Dockerfile'), 'h'), (e: unknown) => e instanceof UsageError && e.message === 'h:3: heredoc <<EOF is never closed (no line "EOF")');
		rejects('RUN echo\nFROM alpine:3.20\n', 'Dockerfile:1: RUN before the first FROM');
		rejects('# just a comment\n', 'Dockerfile:1: no FROM instruction');
		rejects('', 'Dockerfile:1: no FROM instruction');
		rejects('# escape=x\nFROM alpine:3.20\n', 'Dockerfile:1: invalid escape directive "x" (use \\ or `)');
		rejects('FROM\n', 'Dockerfile:1: FROM needs an image');
		rejects('FROM alpine:3.20 junk\n', 'Dockerfile:1: FROM takes "image [AS name]", got "alpine:3.20 junk"');
		rejects('FROM alpine:3.20\nUSER\n', 'Dockerfile:2: USER needs arguments');
	});

	it('never crashes on arbitrary text: it returns a parse or throws UsageError', () => {
		const samples = ['FROM a\n\\', 'FROM a\nRUN \\', 'FROM a\nRUN <<', 'FROM a\nRUN [', 'FROM a\nCMD ["x", 1]', '\n\n\n', 'FROM a\nONBUILD RUN x', '#escape=\\\n#escape=`\nFROM a'];
		for (const sample of samples) {
			try {
				parseDockerfile(sample, 'f');
			} catch (error) {
				assert.ok(error instanceof UsageError, `${JSON.stringify(sample)} threw ${String(error)}`);
				assert.match(error.message, /^f:\d+: /);
			}
		}
	});

	it('survives 2,000 random Dockerfile-like texts: a parse, or a UsageError with file:line', () => {
		const pieces = ['FROM a:1', 'FROM', 'RUN x', 'RUN <<EOF', 'EOF', 'RUN <<-E', '\tE', '\\', '`', '# escape=`', '# c', '', '  ', 'CMD ["a"', 'CMD ["a"]', 'COPY <<A <<B /x', 'A', 'B', 'ARG X', 'USER', 'HEALTHCHECK NONE', 'FROM a AS', 'RUN a \\', 'onbuild run x', '\r'];
		let seed = 42;
		const random = (n: number) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return seed % n;
		};
		for (let round = 0; round < 2000; round++) {
			const text = Array.from({length: 1 + random(12)}, () => pieces[random(pieces.length)]).join('\n');
			try {
				const parsed = parseDockerfile(text, 'f');
				assert.ok(parsed.stages.length > 0);
			} catch (error) {
				assert.ok(error instanceof UsageError, `${JSON.stringify(text)} threw ${String(error)}`);
				assert.match(error.message, /^f:\d+: /);
			}
		}
	});
});
