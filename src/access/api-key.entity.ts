import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One API key. Not a catalog table (never served as data): only the access layer reads it.
 * The secret itself is never stored, only its SHA-256 hash.
 */
@Entity({ name: 'ApiKeys' })
export class ApiKeyRecord {
  @PrimaryColumn({ name: 'KeyID', type: 'varchar', length: 24 })
  declare keyId: string;

  @Column({ name: 'Name', type: 'varchar', length: 100 })
  declare name: string;

  @Column({ name: 'SecretHash', type: 'varchar', length: 64 })
  declare secretHash: string;

  /** 'all' or a comma-separated list of division codes. */
  @Column({ name: 'Divisions', type: 'varchar', length: 4000 })
  declare divisions: string;

  /** Space-separated scopes. */
  @Column({ name: 'Scopes', type: 'varchar', length: 255 })
  declare scopes: string;

  @Column({ name: 'UserID', type: 'varchar', length: 36 })
  declare userId: string;

  @Column({ name: 'Created', type: 'datetime' })
  declare created: Date;

  @Column({ name: 'CreatedBy', type: 'varchar', length: 100 })
  declare createdBy: string;

  @Column({ name: 'Expires', type: 'datetime', nullable: true })
  declare expires: Date | null;

  @Column({ name: 'Revoked', type: 'datetime', nullable: true })
  declare revoked: Date | null;
}

/** The entities of access (credentials), for the data source's mapping; nothing else touches them. */
export const ACCESS_ENTITIES: readonly Function[] = [ApiKeyRecord];
