import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/** The least a Hono API on DynamoDB can be: the baseline the API bundle's size and cold start are read against. */
const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('missing environment variable TABLE_NAME');
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const app = new Hono();
app.get('/items/:id', async (c) => {
  const out = await doc.send(
    new GetCommand({ TableName: tableName, Key: { PK: 'ITEM', SK: c.req.param('id') } }),
  );
  return out.Item ? c.json(out.Item) : c.json({ code: 'not_found' }, 404);
});

export const handler = handle(app);
