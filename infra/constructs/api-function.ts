import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, type Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiFunctionProps {
  /** Entry file, relative to the repository root. */
  readonly entry: string;
  /** What the function is, as the console shows it. */
  readonly description: string;
  readonly environment: Record<string, string>;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** arm64 (Graviton) unless the deployment says otherwise (config `lambdaArchitecture`). */
  readonly architecture: 'arm64' | 'x86_64';
}

/** DynamoDB actions per target: the table itself and each index by name. */
export interface TableAccess {
  readonly table: readonly string[];
  readonly indexes?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A function's code: our esbuild build (infra/constructs/bundle.ts) run as CDK local bundling,
 * in a child process because CDK bundles synchronously. NodejsFunction would run esbuild itself
 * with the same options but cannot take the plugins that keep each function under budget; the
 * build prints each function's size and fails the synth over 400 kB.
 */
function bundledCode(entry: string): lambda.Code {
  return lambda.Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
      // What local bundling runs. Also part of CDK's asset cache key: without the entry in it,
      // every function would be given the first function's bundle.
      command: ['node', '--import', 'tsx', 'infra/constructs/bundle-cli.ts', entry, '/asset-output'],
      local: {
        tryBundle(outputDir) {
          execFileSync(process.execPath, ['--import', 'tsx', BUNDLE_CLI, join(repoRoot, entry), outputDir], {
            cwd: repoRoot,
            stdio: ['ignore', 'inherit', 'inherit'],
          });
          return true;
        },
      },
    },
  });
}
const BUNDLE_CLI = fileURLToPath(new URL('./bundle-cli.ts', import.meta.url));

/**
 * Our defaults for every Lambda: Node 24 (on Graviton unless configured otherwise), an ESM bundle
 * using the runtime's SDK, JSON logs in a log group with retention, and a role that starts empty
 * (no AWS managed policies). The bundles are plain JavaScript, so either architecture runs them.
 */
export class ApiFunction extends Construct {
  readonly fn: lambda.Function;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.SIX_MONTHS });
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);

    this.fn = new lambda.Function(this, 'Function', {
      code: bundledCode(props.entry),
      description: props.description,
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: props.architecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // Stack traces name the TypeScript source; without sourcesContent no import cost showed locally.
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
  }

  /** Grants exactly the listed actions on the table and on the named indexes, nothing wider. */
  grantTable(table: ITableV2, access: TableAccess): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...access.table], resources: [table.tableArn] }),
    );
    for (const [indexName, actions] of Object.entries(access.indexes ?? {})) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: [...actions],
          resources: [`${table.tableArn}/index/${indexName}`],
        }),
      );
    }
  }
}
