import { handle } from 'hono/aws-lambda';
import { surfaceApp } from '../surfaces/app';
import { pointsSurface } from '../surfaces/points';
import { surfaceServices } from '../surfaces/routing';
import { lambdaDeps } from './deps';

export const handler = handle(surfaceApp(lambdaDeps(surfaceServices.points), pointsSurface));
