import { createDb } from '@xjf/data';
import { type Deps, jsonLog } from '@xjf/http';
import { cognitoDirectory, cognitoVerifier } from '@xjf/http/cognito';
import { s3PhotoStore } from '../photos/s3-photo-store';
import { secretsManagerSigningSeed } from '../signing-seed';
import type { SurfaceService } from '../surfaces/routing';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

/**
 * What a surface's function is given, read once at cold start and failing fast. A function gets
 * only the settings (and IAM grants, infra/api.ts) of what its surface uses; asking for anything
 * else is a wiring bug and fails loudly instead of calling AWS without permission.
 */
export function lambdaDeps(services: readonly SurfaceService[]): Deps {
  const uses = (service: SurfaceService) => services.includes(service);
  const userPoolId = required('USER_POOL_ID');
  return {
    db: createDb({ tableName: required('TABLE_NAME'), region: required('AWS_REGION') }),
    verifier: cognitoVerifier({ userPoolId, clientId: required('USER_POOL_CLIENT_ID') }),
    directory: uses('directory') ? cognitoDirectory({ userPoolId }) : notHere('directory'),
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
