/**
 * The `Network` table: network coordinators and results shared with the scholengroep.
 *   coordinators  PartitionKey = `coord~<tenantId>`, RowKey = `<network>~<userId>`
 *   shares        PartitionKey = `share~<tenantId>`, RowKey = `<centreId>~<schoolYear>~<recipient userId>`
 * (one partition per tenant each: a tenant has a handful of coordinators and shares, and a turn
 * asks "is this person a coordinator / what was shared with them" within its own tenant only).
 */
import type { TableClient } from '@azure/data-tables';
import { coordinatorSchema, resultShareSchema, type Coordinator, type ResultShare } from '../domain/network/coordinator';
import type { Network } from '../domain/centre/model';
import { part, rowKeyPrefixFilter, type Row } from './digestKeys';
import { isNotFound, odataString } from './tables';

const coordPartition = (tenantId: string) => `coord~${part(tenantId)}`;
const sharePartition = (tenantId: string) => `share~${part(tenantId)}`;
const coordRowKey = (network: string, userId: string) => `${part(network)}~${part(userId)}`;
const shareRowKey = (s: Pick<ResultShare, 'centreId' | 'schoolYear' | 'recipientUserId'>) => `${part(s.centreId)}~${part(s.schoolYear)}~${part(s.recipientUserId)}`;

async function deleteIgnoringMissing(table: TableClient, partitionKey: string, rowKey: string): Promise<boolean> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

export class CoordinatorRepository {
  constructor(private readonly table: TableClient) {}

  /** Appoints (or re-appoints, recording the new appointment) a coordinator. */
  async appoint(coordinator: Coordinator): Promise<{ created: boolean }> {
    const existing = await this.get(coordinator.tenantId, coordinator.network, coordinator.userId);
    await this.table.upsertEntity({ partitionKey: coordPartition(coordinator.tenantId), rowKey: coordRowKey(coordinator.network, coordinator.userId), ...coordinator }, 'Replace');
    return { created: !existing };
  }

  async get(tenantId: string, network: Network, userId: string): Promise<Coordinator | undefined> {
    try {
      return coordinatorSchema.parse(await this.table.getEntity<Row>(coordPartition(tenantId), coordRowKey(network, userId)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** A tenant's coordinators, or those of one network of it. */
  async list(tenantId: string, network?: Network): Promise<Coordinator[]> {
    const filter = `PartitionKey eq ${odataString(coordPartition(tenantId))}${network ? ` and ${rowKeyPrefixFilter(`${part(network)}~`)}` : ''}`;
    const result: Coordinator[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) result.push(coordinatorSchema.parse(row));
    return result.filter((c) => !network || c.network === network).sort((a, b) => a.network.localeCompare(b.network) || a.name.localeCompare(b.name, 'nl'));
  }

  /** Every tenant's coordinators (the operator's `coordinator list` without a tenant). */
  async listAll(): Promise<Coordinator[]> {
    const result: Coordinator[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: "PartitionKey ge 'coord~' and PartitionKey lt 'coord~~'" } })) {
      result.push(coordinatorSchema.parse(row));
    }
    return result.sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.network.localeCompare(b.network) || a.name.localeCompare(b.name, 'nl'));
  }

  /** The networks this person coordinates in this tenant. */
  async networksOf(tenantId: string, userId: string): Promise<Coordinator[]> {
    return (await this.list(tenantId)).filter((c) => c.userId === userId);
  }

  async remove(tenantId: string, network: Network, userId: string): Promise<boolean> {
    return deleteIgnoringMissing(this.table, coordPartition(tenantId), coordRowKey(network, userId));
  }
}

export class ResultShareRepository {
  constructor(private readonly table: TableClient) {}

  async share(share: ResultShare): Promise<void> {
    await this.table.upsertEntity({ partitionKey: sharePartition(share.tenantId), rowKey: shareRowKey(share), ...share }, 'Replace');
  }

  async withdraw(share: Pick<ResultShare, 'tenantId' | 'centreId' | 'schoolYear' | 'recipientUserId'>): Promise<boolean> {
    return deleteIgnoringMissing(this.table, sharePartition(share.tenantId), shareRowKey(share));
  }

  /** The shares of a centre (what its directors see in `deel status`). */
  async listByCentre(tenantId: string, centreId: string): Promise<ResultShare[]> {
    const filter = `PartitionKey eq ${odataString(sharePartition(tenantId))} and ${rowKeyPrefixFilter(`${part(centreId)}~`)}`;
    const result: ResultShare[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) result.push(resultShareSchema.parse(row));
    return result.filter((s) => s.centreId === centreId).sort((a, b) => b.schoolYear.localeCompare(a.schoolYear) || a.recipientName.localeCompare(b.recipientName, 'nl'));
  }

  /** What was shared with this person (in their tenant). */
  async listForRecipient(tenantId: string, userId: string): Promise<ResultShare[]> {
    const filter = `PartitionKey eq ${odataString(sharePartition(tenantId))} and recipientUserId eq ${odataString(userId)}`;
    const result: ResultShare[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) result.push(resultShareSchema.parse(row));
    return result.sort((a, b) => b.sharedAt.localeCompare(a.sharedAt));
  }
}
