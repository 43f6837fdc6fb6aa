import { fileURLToPath } from 'node:url';
import type { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiFunctionProps {
  /** Entry file, relative to the repository root. */
  readonly entry: string;
  readonly environment: Record<string, string>;
  readonly memorySize: number;
  readonly timeout: Duration;
}

/** DynamoDB actions per target: the table itself and each index by name. */
export interface TableAccess {
  readonly table: readonly string[];
  readonly indexes?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Our defaults for every Lambda: Node 24 on Graviton, an ESM bundle with the pinned SDK, JSON logs
 * in a log group with retention, and a role that starts empty (no AWS managed policies).
 */
export class ApiFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.SIX_MONTHS });
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);

    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      entry: `${repoRoot}${props.entry}`,
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // Stack traces name the TypeScript source; without sourcesContent no import cost showed locally.
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle the SDK we test against (3.1169) instead of whatever version the runtime ships.
        bundleAwsSDK: true,
        // Some CommonJS dependencies call require() for Node built-ins, which plain ESM lacks.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
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
