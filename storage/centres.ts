/**
 * Centres and people. Partition keys:
 *  - Centres: PartitionKey = tenantId, RowKey = centreId (a tenant's centres in one partition).
 *  - People:  PartitionKey = tenantId, RowKey = userId (one lookup per turn: who is this, which centre).
 * Rows are parsed with zod when read; writes of existing rows use ETags.
 */
import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { centreSchema, personSchema, type Centre, type Person } from '../domain/centre/model';
import { logTolerated, type FailureLog } from '../domain/errors';
import { isConflict, isNotFound, keyPart, odataString } from './tables';

type Row = Record<string, unknown> & { etag?: string };

function toPerson(row: Row): Person {
  return personSchema.parse({
    ...row,
    roles: JSON.parse(String(row.roles ?? '[]')),
    personalChat: row.personalChat ? JSON.parse(String(row.personalChat)) : undefined,
  });
}

function personRow(person: Person) {
  return {
    partitionKey: keyPart(person.tenantId),
    rowKey: keyPart(person.userId),
    tenantId: person.tenantId,
    userId: person.userId,
    channelUserId: person.channelUserId,
    centreId: person.centreId,
    name: person.name,
    roles: JSON.stringify(person.roles),
    personalChat: person.personalChat ? JSON.stringify(person.personalChat) : '',
    updatedAt: person.updatedAt,
  };
}

export class CentreRepository {
  constructor(
    private readonly centres: TableClient,
    private readonly people: TableClient,
    /** Where a failed undo is reported; without it, that failure is thrown instead of tolerated. */
    private readonly options: { log?: FailureLog } = {},
  ) {}

  async getCentre(tenantId: string, centreId: string): Promise<(Centre & { etag: string }) | undefined> {
    try {
      const row = await this.centres.getEntity<Row>(keyPart(tenantId), keyPart(centreId));
      return { ...centreSchema.parse(row), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async listCentres(tenantId?: string): Promise<Centre[]> {
    const filter = tenantId ? `PartitionKey eq ${odataString(keyPart(tenantId))}` : undefined;
    const result: Centre[] = [];
    for await (const row of this.centres.listEntities<Row>({ queryOptions: { filter } })) result.push(centreSchema.parse(row));
    return result;
  }

  /** Creates a centre with its first director. */
  async createCentre(input: { tenantId: string; name: string; network: Centre['network']; director: Omit<Person, 'centreId' | 'roles' | 'updatedAt'>; now: Date }): Promise<{ centre: Centre; director: Person }> {
    const centre: Centre = {
      centreId: randomUUID(),
      tenantId: input.tenantId,
      name: input.name,
      network: input.network,
      networkOptIn: false,
      createdAt: input.now.toISOString(),
      createdBy: input.director.userId,
    };
    await this.centres.createEntity({ partitionKey: keyPart(centre.tenantId), rowKey: keyPart(centre.centreId), ...centre });
    const director: Person = { ...input.director, centreId: centre.centreId, roles: ['directeur', 'lid'], updatedAt: input.now.toISOString() };
    try {
      await this.people.createEntity(personRow(director));
    } catch (error) {
      // Someone else registered this person meanwhile: undo the centre, keep theirs. A centre row
      // nobody belongs to is invisible, so a failed undo is tolerated when there is a log for it.
      const undo = this.centres.deleteEntity(keyPart(centre.tenantId), keyPart(centre.centreId));
      const log = this.options.log;
      await (log ? undo.catch(logTolerated(log, 'could not undo a centre whose director was not stored', { centreId: centre.centreId })) : undo);
      throw error;
    }
    return { centre, director };
  }

  /** Updates a centre; fails with a 412 when someone else changed it since `etag`. */
  async updateCentre(centre: Centre, etag: string): Promise<void> {
    await this.centres.updateEntity({ partitionKey: keyPart(centre.tenantId), rowKey: keyPart(centre.centreId), ...centre, openRoundId: centre.openRoundId ?? '' }, 'Replace', { etag });
  }

  async getPerson(tenantId: string, userId: string): Promise<(Person & { etag: string }) | undefined> {
    try {
      const row = await this.people.getEntity<Row>(keyPart(tenantId), keyPart(userId));
      return { ...toPerson(row), etag: String(row.etag) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async listPeople(tenantId: string, centreId: string): Promise<Person[]> {
    const filter = `PartitionKey eq ${odataString(keyPart(tenantId))} and centreId eq ${odataString(centreId)}`;
    const result: Person[] = [];
    for await (const row of this.people.listEntities<Row>({ queryOptions: { filter } })) result.push(toPerson(row));
    return result.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  /** Inserts or replaces a person; with `etag`, only if nobody changed the row meanwhile. */
  async savePerson(person: Person, etag?: string): Promise<void> {
    if (etag) await this.people.updateEntity(personRow(person), 'Replace', { etag });
    else await this.people.upsertEntity(personRow(person), 'Replace');
  }

  /** Inserts a person only when they are not known yet; false when they already exist. */
  async addPersonIfNew(person: Person): Promise<boolean> {
    try {
      await this.people.createEntity(personRow(person));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async deletePerson(tenantId: string, userId: string): Promise<void> {
    try {
      await this.people.deleteEntity(keyPart(tenantId), keyPart(userId));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
