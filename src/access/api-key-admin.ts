import { Database } from '../db/data-source';
import { missingScope } from './access.errors';
import { ApiKeyRule, apiKeyError } from './api-key.errors';
import { ApiKeyInfo, assertScopes, checkKeyId, createApiKey, keyNotFound, listApiKeys, normaliseDivisions, revokeApiKey } from './api-keys';
import { grantedDivisions } from './authenticate';
import { Principal } from './principal';

/** A key as an admin asks for it: scopes as sent (checked here), `divisions` a list or 'all'. */
export interface ApiKeyRequest {
  name: string;
  divisions: readonly number[] | 'all';
  scopes: readonly string[];
  expires?: Date | null;
}

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

  /**
   * A new key and its secret. BAD_USER_INPUT for a scope that does not exist or something that
   * is not a division code; FORBIDDEN for a scope or division the admin does not hold.
   */
  async create(request: ApiKeyRequest): Promise<{ key: ApiKeyInfo; secret: string }> {
    this.assertAdmin();
    const { scopes } = request;
    assertScopes(scopes);
    const divisions = request.divisions === 'all' ? 'all' : normaliseDivisions('divisions', request.divisions);
    for (const scope of scopes) {
      if (!this.principal.scopes.has(scope)) {
        throw apiKeyError(ApiKeyRule.SCOPE_NOT_HELD, null, `Cannot grant the scope ${scope}: the caller does not hold it`, { scope });
      }
    }
    if (divisions === 'all') {
      if (this.principal.divisions !== 'all') throw notHeld('Cannot grant all divisions: the caller holds only some');
    } else {
      const mine = await grantedDivisions(this.principal, this.db);
      for (const d of divisions) if (!mine.includes(d)) throw notHeld(`Division ${d} is not granted to this caller`, { division: d });
    }
    return createApiKey(this.db, { ...request, scopes, divisions, userId: this.principal.userId, createdBy: this.principal.name });
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
    if (!key || !visible(key)) throw keyNotFound(id);
    return revokeApiKey(this.db, id);
  }

  private assertAdmin(): void {
    if (!this.principal.scopes.has('admin')) throw missingScope('admin');
  }

  /** Keys whose divisions all lie within the caller's grant. */
  private async visibility(): Promise<(k: ApiKeyInfo) => boolean> {
    if (this.principal.divisions === 'all') return () => true;
    const mine = new Set(await grantedDivisions(this.principal, this.db));
    return (k) => k.divisions !== 'all' && k.divisions.every((d) => mine.has(d));
  }
}

function notHeld(message: string, details: { division?: number } = {}) {
  return apiKeyError(ApiKeyRule.DIVISION_NOT_GRANTED, null, message, details);
}
