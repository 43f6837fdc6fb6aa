import { OPENAPI_INFO } from '@xjf/api';
import { createDb } from '@xjf/data';
import { localApp } from './server';

/** The OpenAPI document of the local app (every route, dev sign-in included), built without a database. */
export function openApiDocument() {
  const db = createDb({ tableName: 'unused', region: 'local', endpoint: 'http://127.0.0.1:9' });
  const { app } = localApp({ db, secret: 'unused', log: () => {} });
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO });
}
