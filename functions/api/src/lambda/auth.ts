import { handle } from 'hono/aws-lambda';
import { surfaceApp } from '../surfaces/app';
import { authSurface } from '../surfaces/auth';
import { surfaceServices } from '../surfaces/routing';
import { lambdaDeps } from './deps';

export const handler = handle(surfaceApp(lambdaDeps(surfaceServices.auth), authSurface));
