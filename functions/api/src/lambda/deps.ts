import { createDb } from '@xjf/data';
import { aliyunSms, type Deps, jsonLog, noSms, tokenIssuer, tokenVerifier } from '@xjf/http';
import { kmsTokenKeys } from '../aws/kms-token-keys';
import { s3PhotoStore } from '../aws/s3-photo-store';
import { lazySecret } from '../aws/secrets';
import { secretsManagerSigningSeed } from '../aws/signing-seed';
import type { SurfaceService } from '../surfaces/routing';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com';

/** Alibaba Cloud SMS when the deployment configured it (infra: smsSignName, smsTemplateCode), else none. */
function smsSender() {
  const secretId = process.env.SMS_SECRET_ARN;
  if (!secretId) return noSms;
  const secret = lazySecret(secretId, 'SMS provider');
  return aliyunSms({
    endpoint: process.env.SMS_ENDPOINT ?? ALIYUN_SMS_ENDPOINT,
    signName: required('SMS_SIGN_NAME'),
    templateCode: required('SMS_TEMPLATE_CODE'),
    credentials: async () => {
      const parsed: unknown = JSON.parse(await secret());
      const { accessKeyId, accessKeySecret } = (parsed ?? {}) as Record<string, unknown>;
      if (typeof accessKeyId !== 'string' || typeof accessKeySecret !== 'string')
        throw new Error('the SMS secret needs {"accessKeyId": …, "accessKeySecret": …}');
      return { accessKeyId, accessKeySecret };
    },
  });
}

/**
 * What a surface's function is given, read once at cold start and failing fast. A function gets
 * only the settings (and IAM grants, infra/api.ts) of what its surface uses; asking for anything
 * else is a wiring bug and fails loudly instead of calling AWS without permission. Every function
 * verifies tokens (KMS GetPublicKey); only the auth surface signs them.
 */
export function lambdaDeps(services: readonly SurfaceService[]): Deps {
  const uses = (service: SurfaceService) => services.includes(service);
  const issuer = required('TOKEN_ISSUER');
  const { signer, keys } = kmsTokenKeys(required('TOKEN_KEY_IDS').split(','));
  const verification = tokenVerifier({ issuer, keys });
  return {
    db: createDb({ tableName: required('TABLE_NAME'), region: required('AWS_REGION') }),
    verifier: verification.verifier,
    identity: {
      issuer,
      keys,
      challenge: verification.challenge,
      tokens: uses('tokenSigner') ? tokenIssuer({ issuer, signer }) : notHere('identity.tokens'),
      sms: uses('sms') ? smsSender() : notHere('identity.sms'),
      secureCookies: true,
    },
    clock: () => new Date(),
    log: jsonLog,
    signingSeed: uses('signingSeed')
      ? secretsManagerSigningSeed(required('SIGNING_SEED_SECRET_ARN'))
      : notHere('signingSeed'),
    photos: uses('photos') ? s3PhotoStore(required('PHOTO_BUCKET')) : notHere('photos'),
  };
}

/** A dependency this surface was not given: any use throws, naming it. */
function notHere<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_, property) => {
      throw new Error(
        `${name}.${String(property)} is not wired into this surface (functions/api/src/lambda)`,
      );
    },
  });
}
