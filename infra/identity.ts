import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { SmsSettings } from './config';

export interface IdentityStackProps extends StackProps {
  /** The signing key's generation; raised by one to rotate (infra/README.md). */
  readonly tokenKeyGeneration: number;
  /** Creates and publishes the next generation's key before it signs (rotation's first step). */
  readonly publishNextTokenKey: boolean;
  /** Older keys whose public keys stay published (and verifiable) until their tokens expire. */
  readonly retiredTokenKeyArns: readonly string[];
  /** Alibaba Cloud SMS for sign-in codes; without it there is no secret and SMS sign-in is refused. */
  readonly sms: SmsSettings | undefined;
}

/**
 * What the API's own sign-in (the OIDC issuer, functions/api/src/auth) needs beyond the table:
 * the key its RS256 tokens are signed with, and the SMS provider's credentials. Stateful and
 * independent of everything else, so it comes right after the data.
 */
export class IdentityStack extends Stack {
  /** Signs access tokens in KMS: the private key never leaves it; the API only calls kms:Sign. */
  readonly tokenKey: kms.Key;
  /** TOKEN_KEY_IDS: the signing key first, then the next one (when published) and the retired ones. */
  readonly tokenKeyArns: readonly string[];
  /** `{"accessKeyId": "…", "accessKeySecret": "…"}`, filled in by hand; only when SMS is configured. */
  readonly smsSecret: secretsmanager.Secret | undefined;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    // The generation is in the construct id: the next generation's key, once published, becomes
    // the signing key without being replaced, and an old one, retained, stays in KMS for the
    // retired list when it leaves the template.
    const key = (generation: number) =>
      new kms.Key(this, generation === 1 ? 'TokenKey' : `TokenKey${generation}`, {
        description: `Xiaojifen: signs the API's access tokens (RS256), generation ${generation}`,
        keySpec: kms.KeySpec.RSA_2048,
        keyUsage: kms.KeyUsage.SIGN_VERIFY,
        // A deleted key would sign out everyone at once and can never come back: keep it. KMS
        // rotates symmetric keys only: this one is rotated by hand (infra/README.md).
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.tokenKey = key(props.tokenKeyGeneration);
    const next = props.publishNextTokenKey ? key(props.tokenKeyGeneration + 1) : undefined;
    this.tokenKeyArns = [this.tokenKey.keyArn, ...(next ? [next.keyArn] : []), ...props.retiredTokenKeyArns];

    if (props.sms) {
      this.smsSecret = new secretsmanager.Secret(this, 'SmsCredentials', {
        description: `Xiaojifen: Alibaba Cloud SMS AccessKey for sign-in codes (${props.sms.signName}, ${props.sms.templateCode}); put the real accessKeyId and accessKeySecret here after deploy`,
        // A placeholder of the right shape (the generated half is random), replaced by hand.
        generateSecretString: {
          secretStringTemplate: JSON.stringify({ accessKeyId: 'REPLACE_ME' }),
          generateStringKey: 'accessKeySecret',
          excludePunctuation: true,
        },
      });
      Validations.of(this.smsSecret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'The AccessKey is issued by Alibaba Cloud, so Secrets Manager cannot rotate it: rotate it in the Alibaba Cloud console (a RAM user limited to SMS) and put the new pair here (infra/README.md, SMS).',
      });
      new CfnOutput(this, 'SmsSecretArn', {
        value: this.smsSecret.secretArn,
        description:
          'Put {"accessKeyId": "…", "accessKeySecret": "…"} here (aws secretsmanager put-secret-value)',
      });
    }
    new CfnOutput(this, 'TokenKeyArn', {
      value: this.tokenKey.keyArn,
      description: 'The current token signing key: list it in retiredTokenKeyArns when you rotate',
    });
    if (next)
      new CfnOutput(this, 'NextTokenKeyArn', {
        value: next.keyArn,
        description: 'Published, not signing yet: raise tokenKeyGeneration to make it the signing key',
      });
  }
}
