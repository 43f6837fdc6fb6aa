import { handle } from 'hono/aws-lambda';
import { surfaceApp } from '../surfaces/app';
import { publicSurface } from '../surfaces/public';
import { surfaceServices } from '../surfaces/routing';
import { lambdaDeps } from './deps';

export const handler = handle(surfaceApp(lambdaDeps(surfaceServices.public), publicSurface));
