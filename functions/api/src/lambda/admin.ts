import { handle } from 'hono/aws-lambda';
import { adminSurface } from '../surfaces/admin';
import { surfaceApp } from '../surfaces/app';
import { surfaceServices } from '../surfaces/routing';
import { lambdaDeps } from './deps';

export const handler = handle(surfaceApp(lambdaDeps(surfaceServices.admin), adminSurface));
