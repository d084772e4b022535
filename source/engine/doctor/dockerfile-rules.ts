/**
 * Dockerfile rules: pure functions of the parsed file. The "final image" is the last stage
 * together with the stages it is built `FROM`.
 */
import {parseDockerfile, type Dockerfile, type Instruction, type Stage} from '../dockerfile/parse.js';
import {applyIgnoreComments} from './ignore.js';
import {hasVariables, unpinnedReason} from './image-ref.js';
import {dockerfileRules as rules} from './rules.js';
import {finding, type Finding} from './types.js';

/** What the caller knows about the file's surroundings. */
export type DockerfileContext = {
	/** Whether a .dockerignore exists for the build context; undefined = not checked. */
	readonly hasDockerignore?: boolean;
	/** The build context directory, named in the finding. */
	readonly contextDir?: string;
};

/** Packages that only serve to compile: compilers, build systems, headers. */
const buildPackages = new Set([
	'gcc', 'g++', 'gcc-c++', 'make', 'cmake', 'build-essential', 'build-base', 'clang', 'llvm', 'golang', 'golang-go', 'go',
	'cargo', 'rust', 'rustc', 'musl-dev', 'libc-dev', 'libc6-dev', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf',
	'maven', 'gradle', 'default-jdk', 'openjdk-17-jdk', 'openjdk-21-jdk', 'nodejs-dev',
]);
const isBuildPackage = (name: string) => buildPackages.has(name) || /-dev(el)?$/.test(name);

/** Base images that are toolchains; shipping them ships the compiler. */
const toolchainImages = new Set(['golang', 'rust', 'gcc', 'maven', 'gradle', 'buildpack-deps']);

const inits = new Set(['tini', 'tini-static', 'dumb-init', 'docker-init', 'catatonit', 'init', 's6-svscan']);
const shells = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const basename = (word: string) => word.slice(word.lastIndexOf('/') + 1);

/** The last item matching `test` (Array#findLast is ES2023). */
const findLast = <T>(items: readonly T[], test: (item: T) => boolean): T | undefined => [...items].reverse().find(test);

/** The shell text a RUN executes: its arguments and heredoc bodies. */
const runText = (instruction: Instruction) => [instruction.exec ? instruction.exec.join(' ') : instruction.args, ...instruction.heredocs.map(h => h.body)].join('\n');

/** Words installed by `apt-get install`, `apk add`, ... in a shell text (flags dropped). */
function installedPackages(text: string): string[] {
	const out: string[] = [];
	for (const match of text.matchAll(/\b(?:apt-get|apt|yum|dnf|microdnf)\s+(?:-\S+\s+)*install\b([^;&|\n]*)|\bapk\s+(?:-\S+\s+)*add\b([^;&|\n]*)/g)) {
		const words = (match[1] ?? match[2] ?? '').split(/\s+/).filter(word => word && !word.startsWith('-') && !word.startsWith('$'));
		out.push(...words.map(word => word.replace(/[=<>].*$/, '').replace(/^["']|["']$/g, '')));
	}
	return out;
}

/**
 * Whether a shell text installs a Node project's devDependencies: `npm ci`, or a bare
 * `npm install` / `yarn` / `pnpm install` (naming packages installs just those), without a
 * production flag.
 */
export function installsDevDependencies(text: string): boolean {
	return text.split(/&&|\|\||[;|\n]/).some(command => {
		const words = command.trim().split(/\s+/);
		const tool = basename(words[0] ?? '');
		const sub = words[1];
		const flags = words.slice(1).filter(word => word.startsWith('-'));
		const operands = words.slice(2).filter(word => !word.startsWith('-'));
		if (flags.some(flag => /^--(?:omit=dev|production|only=prod(?:uction)?|prod)$|^-P$/.test(flag))) return false;
		if (tool === 'npm') return sub === 'ci' || ((sub === 'install' || sub === 'i') && operands.length === 0);
		if (tool === 'yarn') return sub === undefined || (sub === 'install' && operands.length === 0) || (sub.startsWith('-') && operands.length === 0);
		if (tool === 'pnpm') return (sub === 'install' || sub === 'i') && operands.length === 0;
		return false;
	});
}

/** The stages the final image is made of, root ancestor first. */
export function finalChain(dockerfile: Dockerfile): Stage[] {
	const chain: Stage[] = [];
	let stage: Stage | undefined = dockerfile.stages.at(-1);
	while (stage && !chain.includes(stage)) {
		chain.unshift(stage);
		const base = stage.base.toLowerCase();
		stage = findLast(dockerfile.stages.slice(0, stage.index), candidate => candidate.name === base);
	}
	return chain;
}

const isStageName = (dockerfile: Dockerfile, stage: Stage) => dockerfile.stages.slice(0, stage.index).some(earlier => earlier.name === stage.base.toLowerCase());

function buildTools(dockerfile: Dockerfile, chain: readonly Stage[], instructions: readonly Instruction[]): Finding[] {
	const out: Finding[] = [];
	const what = dockerfile.stages.length === 1 ? 'single-stage build' : 'final stage';
	const root = chain[0]!;
	const base = root.base.toLowerCase();
	if (!hasVariables(base) && toolchainImages.has(base.split(/[:@]/)[0]!.split('/').at(-1)!)) {
		out.push(finding(rules.buildToolsInFinalImage, dockerfile.file, root.line, `${what} ships the toolchain image ${root.base}`));
	}
	const productionNode = instructions.some(i => (i.keyword === 'ENV' || i.keyword === 'ARG') && /\bNODE_ENV[= ]+["']?production\b/.test(i.args));
	for (const instruction of instructions) {
		if (instruction.keyword !== 'RUN') continue;
		const text = runText(instruction);
		// Installing and removing build dependencies in one RUN (apk add --virtual .build-deps ... && apk del .build-deps) leaves nothing behind.
		const removedAgain = /\bapk\s+del\b|\bapt(?:-get)?\s+(?:-\S+\s+)*(?:purge|remove|autoremove)\b|\b(?:yum|dnf)\s+remove\b/.test(text);
		const tools = removedAgain ? [] : installedPackages(text).filter(isBuildPackage);
		if (!productionNode && installsDevDependencies(text)) tools.push('npm dev dependencies');
		if (tools.length > 0) out.push(finding(rules.buildToolsInFinalImage, dockerfile.file, instruction.line, `${what} installs build tools: ${[...new Set(tools)].join(', ')}`));
	}
	return out;
}

function packageCache(file: string, instructions: readonly Instruction[]): Finding[] {
	const out: Finding[] = [];
	for (const instruction of instructions) {
		if (instruction.keyword !== 'RUN') continue;
		const text = runText(instruction);
		const cacheMount = /type=cache/.test(instruction.flags.mount ?? '');
		if (cacheMount) continue;
		if (/\bapt(?:-get)?\s+(?:-\S+\s+)*(?:update|install)\b/.test(text) && !/rm\s+(?:-\S+\s+)*\/var\/lib\/apt\/lists/.test(text)) {
			out.push(finding(rules.packageCache, file, instruction.line, 'apt-get without rm -rf /var/lib/apt/lists/* in the same RUN'));
		}
		if (/\bapk\s+(?:-\S+\s+)*add\b/.test(text) && !/--no-cache\b/.test(text) && !/rm\s+(?:-\S+\s+)*\/var\/cache\/apk/.test(text)) {
			out.push(finding(rules.packageCache, file, instruction.line, 'apk add without --no-cache'));
		}
		if (/\b(?:yum|dnf|microdnf)\s+(?:-\S+\s+)*install\b/.test(text) && !/\b(?:yum|dnf|microdnf)\s+clean\s+all\b/.test(text) && !/rm\s+(?:-\S+\s+)*\/var\/cache\/(?:yum|dnf)/.test(text)) {
			out.push(finding(rules.packageCache, file, instruction.line, 'yum/dnf install without clean all in the same RUN'));
		}
	}
	return out;
}

/** Why the process started by this ENTRYPOINT/CMD does not handle signals, or undefined when it does. */
function initProblem(instruction: Instruction): string | undefined {
	const name = instruction.keyword;
	if (instruction.exec) {
		const program = basename(instruction.exec[0] ?? '');
		if (inits.has(program)) return undefined;
		if (shells.has(program)) return `${name} runs ${program} as PID 1, which does not forward SIGTERM`;
		if (program.endsWith('.sh')) return `${name} runs the shell script ${instruction.exec[0]} as PID 1`;
		return undefined;
	}
	if (/^exec\s/.test(instruction.args)) return undefined;
	return `${name} in shell form runs under /bin/sh -c as PID 1`;
}

function noInit(file: string, instructions: readonly Instruction[]): Finding[] {
	const entrypoint = findLast(instructions, i => i.keyword === 'ENTRYPOINT');
	const command = findLast(instructions, i => i.keyword === 'CMD');
	// An init (or any exec-form binary) in ENTRYPOINT owns PID 1; CMD is then only its arguments.
	const decisive = entrypoint ?? command;
	if (!decisive) return [];
	const problem = initProblem(decisive);
	return problem ? [finding(rules.noInit, file, decisive.line, problem)] : [];
}

function user(file: string, chain: readonly Stage[], instructions: readonly Instruction[]): Finding[] {
	const last = findLast(instructions, i => i.keyword === 'USER');
	if (!last) return [finding(rules.noUser, file, chain.at(-1)!.line, 'final image has no USER, so it runs as root')];
	const name = last.args.split(':')[0]!.trim();
	return name === 'root' || name === '0' ? [finding(rules.noUser, file, last.line, `USER ${last.args} runs the final image as root`)] : [];
}

/** Lints a parsed Dockerfile (ignore comments not applied). */
export function lintParsedDockerfile(dockerfile: Dockerfile, context: DockerfileContext = {}): Finding[] {
	const {file} = dockerfile;
	const chain = finalChain(dockerfile);
	const instructions = chain.flatMap(stage => stage.instructions);
	const out: Finding[] = [];

	for (const stage of dockerfile.stages) {
		if (stage.base.toLowerCase() === 'scratch' || hasVariables(stage.base) || isStageName(dockerfile, stage)) continue;
		const reason = unpinnedReason(stage.base);
		if (reason) out.push(finding(rules.unpinnedBaseImage, file, stage.line, reason === 'latest' ? `base image ${stage.base} uses latest` : `base image ${stage.base} has no tag`));
	}
	for (const instruction of dockerfile.instructions) {
		if (instruction.keyword !== 'ADD' || instruction.flags.checksum !== undefined) continue;
		const sources = (instruction.exec ?? instruction.args.split(/\s+/)).slice(0, -1);
		const remote = sources.find(source => /^(?:https?|ftp):\/\/|^git@|\.git(?:#.*)?$/.test(source));
		if (remote) out.push(finding(rules.addRemoteUrl, file, instruction.line, `ADD downloads ${remote}`));
	}
	out.push(...buildTools(dockerfile, chain, instructions), ...packageCache(file, instructions), ...user(file, chain, instructions), ...noInit(file, instructions));
	if (!instructions.some(i => i.keyword === 'HEALTHCHECK')) out.push(finding(rules.noHealthcheck, file, chain.at(-1)!.line, 'final image has no HEALTHCHECK'));
	if (context.hasDockerignore === false) out.push(finding(rules.missingDockerignore, file, 1, `no .dockerignore in the build context ${context.contextDir ?? '.'}`));
	return out;
}

/** Parses and lints Dockerfile text, honouring `# deckhand-ignore` comments. Throws `UsageError` (file:line) on invalid input. */
export function lintDockerfile(text: string, file: string, context: DockerfileContext = {}): Finding[] {
	const findings = lintParsedDockerfile(parseDockerfile(text, file), context);
	return applyIgnoreComments(findings, new Map([[file, text]]));
}
