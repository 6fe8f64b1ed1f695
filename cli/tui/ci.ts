/**
 * ink draws only the last frame when it thinks it runs in CI (`CI` and friends set, read once when ink is
 * imported). The TUI starts only on a terminal, so a person (or tmux) is watching: drop the hint before
 * ink is loaded.
 */
export function forgetCi(env: NodeJS.ProcessEnv = process.env): void {
  for (const k of Object.keys(env)) if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_')) delete env[k];
}
