import { type App, Tags } from 'aws-cdk-lib';
import { ApiStack } from './api';
import type { Config } from './config';
import { DataStack } from './data';
import { IdentityStack } from './identity';
import { JobsStack } from './jobs';
import { WebStack } from './web';
import { WebContentStack } from './web-content';

/**
 * Every stack of one stage, in dependency order: the stateful ones (the table, the token key),
 * then the web host (the API's CORS needs its origin), the API and the jobs; the web content
 * comes last (config.json needs the API's URL).
 */
export function addStacks(app: App, config: Config) {
  const env = { account: config.account, region: config.region };
  const name = (part: string) => `Xjf-${config.stage}-${part}`;
  // Stateful stacks of production cannot be deleted by a stray `cdk destroy`.
  const terminationProtection = config.stage === 'prod';

  const data = new DataStack(app, name('Data'), { env, terminationProtection });
  const identity = new IdentityStack(app, name('Identity'), {
    env,
    terminationProtection,
    tokenKeyGeneration: config.tokenKey.generation,
    publishNextTokenKey: config.tokenKey.publishNext,
    retiredTokenKeyArns: config.tokenKey.retiredArns,
    sms: config.sms,
  });
  const web = new WebStack(app, name('Web'), { env, domain: config.domain });
  const api = new ApiStack(app, name('Api'), {
    env,
    table: data.table,
    identity,
    sms: config.sms,
    siteUrl: web.siteUrl,
    domain: config.domain,
    lambdaArchitecture: config.lambdaArchitecture,
    alarmEmail: config.alarmEmail,
  });
  const jobs = new JobsStack(app, name('Jobs'), {
    env,
    table: data.table,
    lambdaArchitecture: config.lambdaArchitecture,
    alarmEmail: config.alarmEmail,
  });
  const content = new WebContentStack(app, name('WebContent'), {
    env,
    web,
    webDist: config.webDist,
    lambdaArchitecture: config.lambdaArchitecture,
    // Sign-in is the API's own (/api/auth/…): the admin needs only where the API is.
    config: { apiBaseUrl: api.url, dev: false },
  });

  Tags.of(app).add('app', 'xiaojifen');
  Tags.of(app).add('stage', config.stage);
  return { data, identity, web, api, jobs, content };
}
