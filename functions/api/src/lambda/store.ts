import { handle } from 'hono/aws-lambda';
import { surfaceApp } from '../surfaces/app';
import { surfaceServices } from '../surfaces/routing';
import { storeSurface } from '../surfaces/store';
import { lambdaDeps } from './deps';

export const handler = handle(surfaceApp(lambdaDeps(surfaceServices.store), storeSurface));
