/**
 * The doctor's public surface for the CLI and the console: lint files, Dockerfiles and live
 * containers into plain `Finding` data.
 */
export {composeFilesFromLabels, lintProject, type LintProjectOptions, type LintProjectResult} from './project.js';
export {lintDockerfile, type DockerfileContext} from './dockerfile-rules.js';
export {lintCompose} from './compose-rules.js';
export {lintContainers, type ContainerInspect} from './container-rules.js';
export {allRules} from './rules.js';
export {type Finding, type Rule, type Severity, severities, isSeverity} from './types.js';
export {atOrAbove, doctorJson, formatFindings} from './report.js';
