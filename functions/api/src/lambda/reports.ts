import { handle } from 'hono/aws-lambda';
import { surfaceApp } from '../surfaces/app';
import { reportsSurface } from '../surfaces/reports';
import { surfaceServices } from '../surfaces/routing';
import { lambdaDeps } from './deps';

export const handler = handle(surfaceApp(lambdaDeps(surfaceServices.reports), reportsSurface));
