import { forbidden, notFound } from '../platform/errors';
import { Database } from '../db/data-source';
import { ApiKeyInfo, checkKeyId, createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { grantedDivisions } from './authenticate';
import { Principal, Scope } from './principal';

/**
 * Key management for the admin mutations, bound to one request's principal. An admin never
 * grants more than it holds (divisions and scopes), and only sees and revokes keys within its
 * own divisions; other keys answer NOT_FOUND, like rows of other divisions.
 */
export class ApiKeyAdmin {
  constructor(
    private readonly db: Database,
    private readonly principal: Principal,
  ) {}

  async create(input: { name: string; divisions: readonly number[] | 'all'; scopes: readonly Scope[]; expires?: Date | null }): Promise<{ key: ApiKeyInfo; secret: string }> {
    this.assertAdmin();
    for (const s of input.scopes) if (!this.principal.scopes.has(s)) throw forbidden(`Cannot grant the scope ${s}: the caller does not hold it`, { scope: s });
    if (input.divisions === 'all') {
      if (this.principal.divisions !== 'all') throw forbidden('Cannot grant all divisions: the caller holds only some');
    } else {
      const mine = await grantedDivisions(this.principal, this.db);
      for (const d of input.divisions) if (!mine.includes(d)) throw forbidden(`Division ${d} is not granted to this caller`, { division: d });
    }
    return createApiKey(this.db, { ...input, userId: this.principal.userId, createdBy: this.principal.name });
  }

  async list(): Promise<ApiKeyInfo[]> {
    this.assertAdmin();
    const visible = await this.visibility();
    return (await listApiKeys(this.db)).filter(visible);
  }

  async revoke(id: string): Promise<ApiKeyInfo> {
    this.assertAdmin();
    checkKeyId(id);
    const visible = await this.visibility();
    const key = (await listApiKeys(this.db)).find((k) => k.id === id);
    if (!key || !visible(key)) throw notFound('ApiKey', id, 'id');
    return revokeApiKey(this.db, id);
  }

  private assertAdmin(): void {
    if (!this.principal.scopes.has('admin')) throw forbidden('This operation needs the scope admin', { scope: 'admin' });
  }

  /** Keys whose divisions all lie within the caller's grant. */
  private async visibility(): Promise<(k: ApiKeyInfo) => boolean> {
    if (this.principal.divisions === 'all') return () => true;
    const mine = new Set(await grantedDivisions(this.principal, this.db));
    return (k) => k.divisions !== 'all' && k.divisions.every((d) => mine.has(d));
  }
}
