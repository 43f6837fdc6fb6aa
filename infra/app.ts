import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, readConfig } from './config';
import { addStacks } from './stacks';

const app = new App();
try {
  addStacks(app, readConfig(app));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
// Any AwsSolutions finding without an acknowledgment fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
