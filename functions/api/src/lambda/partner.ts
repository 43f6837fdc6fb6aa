import { handle } from 'hono/aws-lambda';
import { surfaceApp } from '../surfaces/app';
import { partnerSurface } from '../surfaces/partner';
import { surfaceServices } from '../surfaces/routing';
import { lambdaDeps } from './deps';

export const handler = handle(surfaceApp(lambdaDeps(surfaceServices.partner), partnerSurface));
