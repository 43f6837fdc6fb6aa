import { type App, Aws, Tags } from 'aws-cdk-lib';
import { ApiStack } from './api';
import { AuthStack, hostedUiOrigin } from './auth';
import type { Config } from './config';
import { DataStack } from './data';
import { JobsStack } from './jobs';
import { WebStack } from './web';
import { WebContentStack } from './web-content';

/**
 * Every stack of one stage, in dependency order. The web host comes before sign-in and the API
 * (both need its origin); its content comes last (config.json needs both).
 */
export function addStacks(app: App, config: Config) {
  const env = { account: config.account, region: config.region };
  const name = (part: string) => `Xjf-${config.stage}-${part}`;
  // Stateful stacks of production cannot be deleted by a stray `cdk destroy`.
  const terminationProtection = config.stage === 'prod';
  // Cognito domain prefixes are global per region; the account id keeps ours unique.
  const domainPrefix = config.authDomainPrefix ?? `xiaojifen-${config.stage}-${Aws.ACCOUNT_ID}`;

  const data = new DataStack(app, name('Data'), { env, terminationProtection });
  const web = new WebStack(app, name('Web'), {
    env,
    customDomain: config.customDomain,
    signInOrigin: hostedUiOrigin(domainPrefix, config.region),
  });
  const auth = new AuthStack(app, name('Auth'), {
    env,
    terminationProtection,
    siteUrl: web.siteUrl,
    domainPrefix,
  });
  const api = new ApiStack(app, name('Api'), {
    env,
    table: data.table,
    userPool: auth.userPool,
    client: auth.client,
    siteUrl: web.siteUrl,
    alarmEmail: config.alarmEmail,
  });
  const jobs = new JobsStack(app, name('Jobs'), { env, table: data.table, alarmEmail: config.alarmEmail });
  const content = new WebContentStack(app, name('WebContent'), {
    env,
    web,
    webDist: config.webDist,
    config: {
      apiBaseUrl: api.httpApi.apiEndpoint,
      auth: {
        mode: 'cognito',
        region: config.region,
        userPoolId: auth.userPool.userPoolId,
        clientId: auth.client.userPoolClientId,
        domain: auth.hostedUiUrl,
      },
    },
  });

  Tags.of(app).add('app', 'xiaojifen');
  Tags.of(app).add('stage', config.stage);
  return { data, web, auth, api, jobs, content };
}
