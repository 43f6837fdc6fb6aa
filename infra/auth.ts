import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

/**
 * The claims the API trusts for tenancy (packages/http/src/claims.ts). `partnerId` came after the
 * pool existed: Cognito lets a pool gain custom attributes, never change or remove them.
 */
const TENANCY_ATTRIBUTES = ['role', 'countyId', 'villageId', 'userId', 'partnerId'] as const;

/** The hosted sign-in origin; the web stack's CSP needs it before this stack exists. */
export const hostedUiOrigin = (domainPrefix: string, region: string): string =>
  `https://${domainPrefix}.auth.${region}.amazoncognito.com`;

export interface AuthStackProps extends StackProps {
  /** The admin's origin (https://…, no trailing slash): where sign-in returns. */
  readonly siteUrl: string;
  readonly domainPrefix: string;
}

export class AuthStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly hostedUiUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    this.userPool = new cognito.UserPool(this, 'Users', {
      // Accounts are created by admins only; the tenancy claims come from who created them.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: {
        fullname: { required: false, mutable: true },
        email: { required: false, mutable: true },
        phoneNumber: { required: false, mutable: true },
      },
      // Immutable: a user can never move themselves (or be moved) to another role or tenant.
      customAttributes: Object.fromEntries(
        TENANCY_ATTRIBUTES.map((name) => [name, new cognito.StringAttribute({ mutable: false, maxLen: 32 })]),
      ),
      passwordPolicy: {
        minLength: 10,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // SMS to mainland numbers needs a registered sender; admins reset phone-only accounts.
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP) because many village recorders sign in on shared phones without an authenticator app. Requiring it for county and platform admins only needs a per-role sign-in trigger (follow-up).',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection needs the Plus plan, which has no free tier; at village scale the Essentials plan (first 10,000 MAU free) is used, with a strong password policy, admin-created accounts only and API throttling.',
      },
    );

    const domain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.hostedUiUrl = domain.baseUrl();

    const fromUsers = new cognito.ClientAttributes().withStandardAttributes({
      fullname: true,
      email: true,
      phoneNumber: true,
    });
    this.client = this.userPool.addClient('Admin', {
      // A browser app cannot keep a secret: authorization code with PKCE instead.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: [`${props.siteUrl}/auth/callback`],
        logoutUrls: [`${props.siteUrl}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: fromUsers.withCustomAttributes(...TENANCY_ATTRIBUTES),
      // Users may edit their own profile but never the tenancy attributes.
      writeAttributes: fromUsers,
    });
    // For infra/scripts/create-admin.ts and the console.
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'SignInUrl', { value: this.hostedUiUrl });
  }
}
