/**
 * How to start a child Node process that runs TypeScript and has node:sqlite: this process's own
 * Node when it is new enough (npm scripts run the project's Node 24), otherwise the project's Node
 * through npx.
 */
export function nodeCommand(): [string, string[]] {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 18) ? [process.execPath, []] : ['npx', ['node']];
}
