import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

export type ItemKey = { PK: string; SK: string };
type Input = Record<string, unknown>;

/** One DynamoDB command an API operation sent, as the SDK middleware saw it. */
export interface Captured {
  /** The client command's name, e.g. TransactWriteItemsCommand. */
  name: string;
  /** The document-client input (plain values, before marshalling). */
  input: Input;
  start: number;
  end: number;
  /** Capacity units DynamoDB reported for it. */
  units: number;
}

/** The document-client command that sends the same request as each client command. */
const documentCommands: Record<string, new (input: never) => unknown> = {
  GetItemCommand: GetCommand,
  PutItemCommand: PutCommand,
  UpdateItemCommand: UpdateCommand,
  DeleteItemCommand: DeleteCommand,
  QueryCommand: QueryCommand,
  ScanCommand: ScanCommand,
  BatchGetItemCommand: BatchGetCommand,
  BatchWriteItemCommand: BatchWriteCommand,
  TransactGetItemsCommand: TransactGetCommand,
  TransactWriteItemsCommand: TransactWriteCommand,
};

export function documentCommand(name: string, input: Input) {
  const Command = documentCommands[name];
  if (!Command) throw new Error(`the bench cannot replay ${name}`);
  // biome-ignore lint/suspicious/noExplicitAny: every document command takes its own input shape
  return new Command(input as never) as any;
}

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);
export const isWrite = (name: string) => WRITES.has(name);

export const keyString = (k: ItemKey) => `${k.PK}\u0000${k.SK}`;
const keyOf = (item: Input): ItemKey => ({ PK: String(item.PK), SK: String(item.SK) });

export interface WriteTarget {
  key: ItemKey;
  kind: 'put' | 'update' | 'delete' | 'check';
  conditional: boolean;
}

type TransactItem = { Put?: Input; Update?: Input; Delete?: Input; ConditionCheck?: Input };
type BatchRequest = { PutRequest?: { Item: Input }; DeleteRequest?: { Key: Input } };

function transactTarget(t: TransactItem): WriteTarget {
  if (t.Put)
    return { key: keyOf(t.Put.Item as Input), kind: 'put', conditional: !!t.Put.ConditionExpression };
  const [kind, body] = t.Update
    ? (['update', t.Update] as const)
    : t.Delete
      ? (['delete', t.Delete] as const)
      : (['check', t.ConditionCheck as Input] as const);
  return { key: keyOf(body.Key as Input), kind, conditional: kind === 'check' || !!body.ConditionExpression };
}

/** Every item a write command writes (or checks), in request order. */
export function writeTargets(name: string, input: Input): WriteTarget[] {
  const conditional = !!input.ConditionExpression;
  switch (name) {
    case 'PutItemCommand':
      return [{ key: keyOf(input.Item as Input), kind: 'put', conditional }];
    case 'UpdateItemCommand':
      return [{ key: keyOf(input.Key as Input), kind: 'update', conditional }];
    case 'DeleteItemCommand':
      return [{ key: keyOf(input.Key as Input), kind: 'delete', conditional }];
    case 'TransactWriteItemsCommand':
      return (input.TransactItems as TransactItem[]).map(transactTarget);
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems as Record<string, BatchRequest[]>)
        .flat()
        .map((r) =>
          r.PutRequest
            ? { key: keyOf(r.PutRequest.Item), kind: 'put' as const, conditional: false }
            : { key: keyOf(r.DeleteRequest?.Key ?? {}), kind: 'delete' as const, conditional: false },
        );
    default:
      return [];
  }
}

/** The same write with each item key found in `fresh` replaced; everything else is unchanged. */
export function rekeyed(name: string, input: Input, fresh: (k: ItemKey) => ItemKey | undefined): Input {
  const copy = structuredClone(input);
  const swap = (holder: Input, field: 'Item' | 'Key') => {
    const target = holder[field] as Input;
    const to = fresh(keyOf(target));
    if (to) holder[field] = { ...target, ...to };
  };
  if (name === 'PutItemCommand') swap(copy, 'Item');
  else if (name === 'UpdateItemCommand' || name === 'DeleteItemCommand') swap(copy, 'Key');
  else if (name === 'TransactWriteItemsCommand')
    for (const t of copy.TransactItems as TransactItem[]) {
      if (t.Put) swap(t.Put, 'Item');
      for (const body of [t.Update, t.Delete, t.ConditionCheck]) if (body) swap(body, 'Key');
    }
  else if (name === 'BatchWriteItemCommand')
    for (const r of Object.values(copy.RequestItems as Record<string, BatchRequest[]>).flat()) {
      if (r.PutRequest) swap(r.PutRequest as unknown as Input, 'Item');
      if (r.DeleteRequest) swap(r.DeleteRequest as unknown as Input, 'Key');
    }
  return copy;
}
