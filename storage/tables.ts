/**
 * Azure Table Storage access: one TableClient per table, created from a connection string (Azurite
 * locally, a storage account in production) or from an account URL with DefaultAzureCredential.
 */
import { TableClient, TableServiceClient, type TableEntityResult } from '@azure/data-tables';

/** Every table the bot uses. The partition/row key design is documented in README.md. */
export const TABLE_NAMES = [
  'BotState',
  'Centres',
  'People',
  'Survey',
  'Inschalingen',
  'Plans',
  'Conversations',
  'Digests',
  'Network',
  'Downloads',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

export interface StorageSettings {
  connectionString?: string;
  accountUrl?: string;
  tablePrefix: string;
}

export interface Tables {
  client(name: TableName): TableClient;
  /** Creates every table that does not exist yet. */
  ensure(): Promise<void>;
  /** One cheap request: used by /readyz. Throws when storage is unreachable. */
  ping(): Promise<void>;
  /** Counts the requests made through these clients (for the benchmark). */
  readonly requestCount: () => number;
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

const AZURITE_DEV_CONNECTION =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
  'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
  'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

export function createTables(settings: StorageSettings): Tables {
  let requests = 0;
  const countingPolicy = {
    name: 'poolsterRequestCounter',
    async sendRequest(request: Parameters<Parameters<TableClient['pipeline']['addPolicy']>[0]['sendRequest']>[0], next: (r: typeof request) => Promise<any>) {
      requests += 1;
      return next(request);
    },
  };
  const clients = new Map<TableName, TableClient>();
  const connectionString =
    settings.connectionString?.trim() === 'UseDevelopmentStorage=true' ? AZURITE_DEV_CONNECTION : settings.connectionString;
  // @azure/identity is loaded only when used: it weighs ~20 MB of memory for nothing with a connection string.
  const credential = connectionString
    ? undefined
    : new (require('@azure/identity') as typeof import('@azure/identity')).DefaultAzureCredential();
  const retryOptions = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2000 };

  const tableName = (name: TableName) => `${settings.tablePrefix}${name}`;

  const make = (name: TableName): TableClient => {
    let client: TableClient;
    if (connectionString) {
      const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1] ?? '';
      client = TableClient.fromConnectionString(connectionString, tableName(name), {
        allowInsecureConnection: isLoopback(endpoint),
        retryOptions,
      });
    } else {
      client = new TableClient(settings.accountUrl!, tableName(name), credential!, { retryOptions });
    }
    client.pipeline.addPolicy(countingPolicy);
    return client;
  };

  const service = (): TableServiceClient => {
    if (connectionString) {
      const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1] ?? '';
      return TableServiceClient.fromConnectionString(connectionString, {
        allowInsecureConnection: isLoopback(endpoint),
        retryOptions,
      });
    }
    return new TableServiceClient(settings.accountUrl!, credential!, { retryOptions });
  };

  return {
    client(name) {
      let client = clients.get(name);
      if (!client) {
        client = make(name);
        clients.set(name, client);
      }
      return client;
    },
    async ensure() {
      await Promise.all(TABLE_NAMES.map((name) => this.client(name).createTable()));
    },
    async ping() {
      const iterator = this.client('Centres').listEntities({ queryOptions: { filter: "PartitionKey eq '~ping'" } }).byPage({ maxPageSize: 1 });
      await iterator.next();
    },
    requestCount: () => requests,
  };
}

/** Table keys may not contain / \ # ? or control characters; this keeps any id safe and readable. */
export function keyPart(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}

/** 412 Precondition Failed (ETag mismatch) or 409 Conflict (insert of an existing row). */
export function isConflict(error: unknown): boolean {
  const status = (error as { statusCode?: number })?.statusCode;
  return status === 412 || status === 409;
}

export type Entity = TableEntityResult<Record<string, unknown>>;

/** Escapes a value for an OData string literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
