import { spawnSync } from 'node:child_process';

/** DynamoDB Local is a Java program: say plainly what is missing instead of a stack trace. */
export function javaProblem(): string | undefined {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) {
    return 'Java 17+ is needed to run DynamoDB Local; install it (Debian: apt-get install openjdk-17-jre-headless) and try again.';
  }
  const version = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`)?.[1];
  if (version && Number(version) < 17) {
    return `Java ${version} found, but DynamoDB Local needs Java 17 or newer.`;
  }
  return undefined;
}
